"use client";
import { FormError, SubmitButton } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useCommandForm } from "@/components/forms/use-command-form";
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
      <FormError error={formError} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required errors={err("password")} />
      <SubmitButton variant="danger" pending={pending} busy={t("working")}>
        {t("disable")}
      </SubmitButton>
    </form>
  );
}
