"use client";
import { FormError, SubmitButton } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { changePassword, type ChangePasswordInput } from "./commands";

export function PasswordForm() {
  const t = useTranslations("account");
  const [done, setDone] = useState(false);
  // No schema in the browser: the password schema's strength check (zxcvbn) stays on the server.
  const { formProps, err, formError, pending } = useCommandForm({
    command: changePassword,
    message: (e) => e.message,
    reset: "saved",
    onSaved: () => setDone(true),
    read: (form) => {
      setDone(false);
      return formValues(form) as unknown as ChangePasswordInput;
    },
    // A forced change (temporary password) opens the app once done.
    redirect: (r) => (r.wasForced ? "/" : null),
  });
  return (
    <form {...formProps} className="max-w-md space-y-4">
      <FormError error={formError} />
      {done ? <Alert tone="success">{t("changed")}</Alert> : null}
      <Field label={t("current")} name="currentPassword" type="password" autoComplete="current-password" required errors={err("currentPassword")} />
      <NewPasswordFields label={t("new")} confirmLabel={t("confirm")} hint={t("newHint")} err={err} />
      <SubmitButton pending={pending} busy={t("saving")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
