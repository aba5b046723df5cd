"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/forms/password-field";
import { Field } from "@/components/ui/field";
import { changePassword, type ChangePasswordState } from "./commands";

export function PasswordForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePassword, {});
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.done ? <Alert tone="success">{t("changed")}</Alert> : null}
      <Field label={t("current")} name="currentPassword" type="password" autoComplete="current-password" required errors={state.fields?.currentPassword} />
      <PasswordField
        label={t("new")}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        hint={t("newHint")}
        errors={state.fields?.newPassword}
      />
      <Field label={t("confirm")} name="confirm" type="password" autoComplete="new-password" required errors={state.fields?.confirm} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
