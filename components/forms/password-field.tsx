"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, type ChangeEvent, type InputHTMLAttributes } from "react";
import { Field, type FieldFrameProps } from "@/components/ui/field";
import { cn } from "@/lib/cn";

const BAR = ["bg-red-600", "bg-red-600", "bg-amber-500", "bg-emerald-600", "bg-emerald-700"];

/**
 * A new-password field with a strength meter. The estimator (zxcvbn with its dictionaries) is
 * loaded on the first keystroke, so pages without a password field never download it; it is
 * the same one the server's check uses, so "strong" here is accepted there.
 */
export function PasswordField({ onChange, ...props }: InputHTMLAttributes<HTMLInputElement> & FieldFrameProps) {
  const t = useTranslations("forms.passwordStrength");
  const [score, setScore] = useState<number | null>(null);
  const latest = useRef(0);
  async function change(e: ChangeEvent<HTMLInputElement>) {
    onChange?.(e);
    const value = e.target.value;
    const n = ++latest.current;
    if (!value) return setScore(null);
    const { passwordScore, MIN_PASSWORD_LENGTH } = await import("@/lib/password-strength");
    // An answer for an older keystroke must not overwrite a newer one.
    if (n === latest.current) setScore(value.length < MIN_PASSWORD_LENGTH ? Math.min(passwordScore(value), 1) : passwordScore(value));
  }
  return (
    <div className={cn("space-y-1", props.className)}>
      <Field {...props} className={undefined} onChange={(e) => void change(e)} />
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
