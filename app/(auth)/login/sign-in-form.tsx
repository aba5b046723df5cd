"use client";
import { FormError, SubmitButton } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useCommandForm } from "@/components/forms/use-command-form";
import { Field } from "@/components/ui/field";
import { signIn } from "./commands";

export function SignInForm() {
  const t = useTranslations("auth");
  // No schema in the browser: the sign-in schema lives with the password rules (zxcvbn), which stay on the server.
  const { formProps, err, formError, pending } = useCommandForm({
    command: signIn,
    // A refused field shows under the field only, as before; the other refusals are worded by the command.
    message: (e) => e.message,
    // A full load, so the app (or the code step) sees the session cookie just set.
    redirect: (r) => r.next,
  });
  return (
    <form
      {...formProps}
      className="space-y-4"
    >
      <FormError error={formError} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" required errors={err("email")} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required errors={err("password")} />
      <SubmitButton className="w-full" pending={pending} busy={t("signingIn")}>
        {t("signIn")}
      </SubmitButton>
    </form>
  );
}
