"use client";
import { SubmitButton } from "@/components/forms/form-parts";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { verifyCode } from "./commands";

export function CodeForm() {
  const t = useTranslations("twoFactor");
  // The challenge is gone: the message then offers to sign in again.
  const [restart, setRestart] = useState(false);
  const { formProps, err, formError, pending } = useCommandForm({
    command: verifyCode,
    message: (e) => e.message,
    // A refused code is emptied, as the form always did, so the next one is typed afresh.
    reset: "failed",
    onFailure: (e) => setRestart(e.details?.restart === true),
    // A full load, so the app sees the session cookie just set.
    redirect: (r) => r.next,
  });
  return (
    <form {...formProps} className="space-y-4">
      {formError ? (
        <Alert tone="error">
          {formError}{" "}
          {restart ? (
            <Link href="/login" className="font-medium underline">
              {t("signInAgain")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <Field
        label={t("code")}
        name="code"
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="off"
        required
        hint={t("codeHint")}
        errors={err("code")}
      />
      <SubmitButton className="w-full" pending={pending} busy={t("checking")}>
        {t("verify")}
      </SubmitButton>
      <p className="text-center text-sm">
        <Link href="/login" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </form>
  );
}
