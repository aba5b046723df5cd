"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/forms/password-field";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { ROLES } from "@/lib/domain";
import { inviteUser, type FormState } from "../commands";

export function InviteForm() {
  const t = useTranslations("admin");
  const te = useTranslations("enums.role");
  const [state, action, pending] = useActionState<FormState, FormData>(inviteUser, {});
  return (
    // A successful invite remounts the form (key) so its fields are empty for the next one.
    <form key={state.done} action={action} className="space-y-4" noValidate aria-label={t("inviteTitle")}>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.done ? <Alert tone="success">{state.done}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("name")} name="name" required autoComplete="off" defaultValue={state.values?.name} errors={state.fields?.name} />
        <Field label={t("email")} name="email" type="email" required autoComplete="off" defaultValue={state.values?.email} errors={state.fields?.email} />
        <SelectField label={t("role")} name="role" defaultValue={state.values?.role ?? "viewer"} options={ROLES.map((r) => ({ value: r, label: te(r) }))} errors={state.fields?.role} />
        <PasswordField
          label={t("tempPassword")}
          name="password"
          type="text"
          required
          minLength={12}
          autoComplete="off"
          spellCheck={false}
          hint={t("tempPasswordHint")}
          errors={state.fields?.password}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("invite")}
      </Button>
    </form>
  );
}
