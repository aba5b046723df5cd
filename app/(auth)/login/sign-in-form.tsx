"use client";
import { useTranslations } from "next-intl";
import { useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label={t("email")} name="email" type="email" autoComplete="username" required errors={err("email")} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required errors={err("password")} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
