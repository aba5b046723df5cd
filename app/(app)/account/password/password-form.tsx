"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changePassword, type ChangePasswordInput } from "./commands";

export function PasswordForm() {
  const t = useTranslations("account");
  const [done, setDone] = useState(false);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  // No schema in the browser: the password schema's strength check (zxcvbn) stays on the server.
  const { attach, err, formError, pending, submit } = useCommandForm({
    command: changePassword,
    message: (e) => e.message,
    onSaved: () => {
      setDone(true);
      form?.reset();
    },
    // A forced change (temporary password) opens the app once done.
    redirect: (r) => (r.wasForced ? "/" : null),
  });
  return (
    <form
      ref={(el) => {
        attach(el);
        setForm(el);
      }}
      className="max-w-md space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setDone(false);
        submit(formValues(e.currentTarget) as unknown as ChangePasswordInput);
      }}
    >
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {done ? <Alert tone="success">{t("changed")}</Alert> : null}
      <Field label={t("current")} name="currentPassword" type="password" autoComplete="current-password" required errors={err("currentPassword")} />
      <NewPasswordFields label={t("new")} confirmLabel={t("confirm")} hint={t("newHint")} err={err} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
