"use client";
import { FormError, SubmitButton } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ROLES } from "@/lib/domain";
import { TempPasswordField } from "./temp-password-field";
import { inviteUser, type InviteInput } from "../commands";

export function InviteForm() {
  const t = useTranslations("admin");
  const te = useTranslations("enums.role");
  // Who was invited last: the confirmation, and the key that empties the form for the next one.
  const [invited, setInvited] = useState<{ email: string; n: number } | null>(null);
  // The schema (lib/validation/users.ts) loads the password checker, so the server alone checks;
  // its field errors come back as keys and the kit words them.
  const { formProps, err, formError, pending } = useCommandForm({
    command: inviteUser,
    message: (e) => (e.code === "validation_failed" ? t("fixFields") : e.message),
    onSaved: (data) => setInvited((last) => ({ email: data.email, n: (last?.n ?? 0) + 1 })),
    read: (form) => {
      setInvited((last) => (last ? { ...last, email: "" } : null));
      return formValues(form) as unknown as InviteInput;
    },
  });
  return (
    <form
      {...formProps}
      key={invited?.n ?? 0}
      className="space-y-4"
      aria-label={t("inviteTitle")}
    >
      <FormError error={formError} />
      {invited?.email && !formError ? <Alert tone="success">{t("invited", { email: invited.email })}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("name")} name="name" required autoComplete="off" errors={err("name")} />
        <Field label={t("email")} name="email" type="email" required autoComplete="off" errors={err("email")} />
        <SelectField label={t("role")} name="role" defaultValue="viewer" options={ROLES.map((r) => ({ value: r, label: te(r) }))} errors={err("role")} />
        <TempPasswordField label={t("tempPassword")} hint={t("tempPasswordHint")} errors={err("password")} />
      </div>
      <SubmitButton pending={pending} busy={t("saving")}>
        {t("invite")}
      </SubmitButton>
    </form>
  );
}
