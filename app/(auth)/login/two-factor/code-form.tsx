"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { verifyCode, type CodeState } from "./commands";

export function CodeForm() {
  const t = useTranslations("twoFactor");
  const [state, action, pending] = useActionState<CodeState, FormData>(verifyCode, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}{" "}
          {state.restart ? (
            <Link href="/login" className="font-medium underline">
              {t("signInAgain")}
            </Link>
          ) : null}
        </p>
      ) : null}
      <Field
        label={t("code")}
        name="code"
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="off"
        required
        hint={t("codeHint")}
        errors={state.fieldError ? [state.fieldError] : undefined}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("checking") : t("verify")}
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </form>
  );
}
