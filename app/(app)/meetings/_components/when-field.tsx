"use client";
import { useState, type InputHTMLAttributes } from "react";
import { Field, type FieldFrameProps } from "@/components/ui/field";

/** "2019-11-27 15:00" (or "2019-11-27T15:00") as the form's separate date and time. */
export function splitWhen(text: string): { date: string; time: string } {
  const [date = "", time = ""] = text.trim().split(/\s*[\sT]\s*/, 2);
  return { date, time: time.length === 4 && /^\d:\d\d$/.test(time) ? `0${time}` : time };
}
const joinWhen = (date: string, time: string) => [date, time].filter(Boolean).join(" ");

/**
 * One text field for the start, typed in one go: native date and time inputs move between
 * their parts with Tab, so "2019-11-27 15:00" typed through them lands in the wrong parts.
 */
export function WhenField({
  id,
  label,
  hint,
  date,
  time,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  date: string;
  time: string;
  errors?: string[];
  onChange: (v: { date: string; time: string }) => void;
}) {
  const [text, setText] = useState(() => joinWhen(date, time));
  // A change from outside (taking the other editor's values) replaces what is shown.
  const [shown, setShown] = useState({ date, time });
  if (shown.date !== date || shown.time !== time) {
    setShown({ date, time });
    const mine = splitWhen(text);
    if (mine.date !== date || mine.time !== time) setText(joinWhen(date, time));
  }
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      required
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="2019-11-27 15:00"
      maxLength={40}
      value={text}
      errors={errors}
      onChange={(e) => {
        setText(e.target.value);
        const v = splitWhen(e.target.value);
        setShown(v);
        onChange(v);
      }}
    />
  );
}

/** A date typed as 2019-12-31 in one field, one Tab stop: a native date input takes three. */
export function DateField(props: InputHTMLAttributes<HTMLInputElement> & FieldFrameProps) {
  return <Field {...props} inputMode="numeric" autoComplete="off" spellCheck={false} placeholder="2019-12-31" maxLength={10} />;
}
