"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { disableTwoFactor, type DisableState } from "./commands";

export function DisableForm() {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState<DisableState, FormData>(disableTwoFactor, {});
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldError ? [state.fieldError] : undefined}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? t("working") : t("disable")}
      </Button>
    </form>
  );
}
