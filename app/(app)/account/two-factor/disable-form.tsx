"use client";
import { useTranslations } from "next-intl";
import { useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { disableTwoFactor } from "./commands";

export function DisableForm() {
  const t = useTranslations("twoFactor");
  const { formProps, err, formError, pending } = useCommandForm({
    command: disableTwoFactor,
    message: (e) => e.message,
    // better-auth replaced the session: a full load shows the page with it.
    redirect: () => "/account/two-factor",
  });
  return (
    <form
      {...formProps}
      className="max-w-md space-y-4"
    >
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required errors={err("password")} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? t("working") : t("disable")}
      </Button>
    </form>
  );
}
