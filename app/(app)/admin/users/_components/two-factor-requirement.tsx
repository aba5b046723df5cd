"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setTwoFactorRequirement, type RequirementState } from "../commands";

/** The admin setting: require two-step sign-in for administrators (on or off, saved explicitly). */
export function TwoFactorRequirement({ required, missing }: { required: boolean; missing: string[] }) {
  const t = useTranslations("twoFactor.required");
  const [state, action, pending] = useActionState<RequirementState, FormData>(setTwoFactorRequirement, {});
  return (
    // Remounted when the setting changes, so the radios start from what is saved.
    <form key={String(required)} action={action} className="max-w-2xl space-y-4" aria-label={t("title")}>
      <p className="text-sm text-slate-700">{t("lead")}</p>
      <p className="text-sm text-slate-800 [overflow-wrap:anywhere]">{missing.length ? t("missing", { emails: missing.join(", ") }) : t("allCompliant")}</p>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.done && !state.error ? <Alert tone="success">{state.done}</Alert> : null}
      <fieldset className="space-y-2" aria-describedby={state.fieldError ? "require-2fa-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-900">{t("legend")}</legend>
        {(["on", "off"] as const).map((v) => (
          <label key={v} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="required" value={v} defaultChecked={(v === "on") === required} className="size-4" />
            {t(v)}
          </label>
        ))}
        {state.fieldError ? (
          <p id="require-2fa-error" className="text-sm text-red-700">
            {state.fieldError}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
