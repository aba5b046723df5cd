"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ChangeEvent, type InputHTMLAttributes } from "react";
import { passwordStrength } from "@/app/commands";
import { Field, type FieldFrameProps } from "@/components/ui/field";
import { cn } from "@/lib/cn";

const BAR = ["bg-red-600", "bg-red-600", "bg-amber-500", "bg-emerald-600", "bg-emerald-700"];
/** How long typing pauses before the meter asks the server. */
const ASK_AFTER_MS = 250;

/**
 * A new-password field with a strength meter. The estimator (zxcvbn with its dictionaries) is
 * large, so it stays on the server: the meter asks `passwordStrength` once typing pauses. It is the
 * same estimator the server's check uses, so "strong" here is accepted there
 * (tests/forms/client-bundle.test.ts keeps zxcvbn out of every browser module).
 */
export function PasswordField({ onChange, ...props }: InputHTMLAttributes<HTMLInputElement> & FieldFrameProps) {
  const t = useTranslations("forms.passwordStrength");
  const [score, setScore] = useState<number | null>(null);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  function change(e: ChangeEvent<HTMLInputElement>) {
    onChange?.(e);
    const value = e.target.value;
    const n = ++latest.current;
    clearTimeout(timer.current);
    if (!value) return setScore(null);
    timer.current = setTimeout(() => {
      void passwordStrength(value).then((r) => {
        // An answer for an older keystroke must not overwrite a newer one.
        if (n === latest.current && r.ok) setScore(r.data);
      });
    }, ASK_AFTER_MS);
  }
  return (
    <div className={cn("space-y-1", props.className)}>
      <Field {...props} className={undefined} onChange={change} />
      <div aria-hidden="true" className="flex gap-1">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={cn("h-1.5 flex-1 rounded", score !== null && score > i ? BAR[score] : "bg-slate-200")} />
        ))}
      </div>
      <p className="text-xs text-slate-700" aria-live="polite">
        {score === null ? "" : `${t("label", { level: t(`levels.${score}`) })}${score < 3 ? ` — ${t("tooWeak")}` : ""}`}
      </p>
    </div>
  );
}
