"use client";
import { Field } from "@/components/ui/field";
import { PasswordField } from "./password-field";

/**
 * A new password twice: the field with the strength meter, then the same again. The names are the
 * schema's (`newPassword`, `confirm`), so the kit's field errors land next to them.
 */
export function NewPasswordFields({
  label,
  confirmLabel,
  hint,
  err,
}: {
  label: string;
  confirmLabel: string;
  hint?: string;
  err: (path: string) => string[] | undefined;
}) {
  return (
    <>
      <PasswordField label={label} name="newPassword" type="password" autoComplete="new-password" required minLength={12} hint={hint} errors={err("newPassword")} />
      <Field label={confirmLabel} name="confirm" type="password" autoComplete="new-password" required errors={err("confirm")} />
    </>
  );
}
