"use client";
import { FormError } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { REFUSAL_REASONS } from "@/lib/errors";
import { setTwoFactorRequirement } from "../commands";

/** The admin setting: require two-step sign-in for administrators (on or off, saved explicitly). */
export function TwoFactorRequirement({ required, missing }: { required: boolean; missing: string[] }) {
  const t = useTranslations("twoFactor.required");
  const [saved, setSaved] = useState<boolean | null>(null);
  // A refusal puts the radios back to what is saved (the form is drawn again), so they never
  // show a choice that was not taken.
  const [refusals, setRefusals] = useState(0);
  // The schema sits beside the password rules (lib/validation/users.ts), so the server alone checks.
  const { formProps, err, formError, pending } = useCommandForm({
    command: setTwoFactorRequirement,
    message: (e) => (e.details?.reason === REFUSAL_REASONS.ownTwoFactorFirst ? t("ownFirst") : e.code === "validation_failed" ? t("choose") : e.message),
    onSaved: (on) => setSaved(on),
    onFailure: () => void setRefusals((n) => n + 1),
    read: (form) => {
      setSaved(null);
      return formValues(form);
    },
  });
  const fieldError = err("required") ? t("choose") : null;
  return (
    // Remounted when the setting changes or is refused, so the radios start from what is saved.
    <form
      {...formProps}
      key={`${String(required)}-${refusals}`}
      className="max-w-2xl space-y-4"
      aria-label={t("title")}
    >
      <p className="text-sm text-slate-700">{t("lead")}</p>
      <p className="text-sm text-slate-800 [overflow-wrap:anywhere]">{missing.length ? t("missing", { emails: missing.join(", ") }) : t("allCompliant")}</p>
      <FormError error={formError} />
      {saved !== null && !formError ? <Alert tone="success">{saved ? t("savedOn") : t("savedOff")}</Alert> : null}
      <fieldset className="space-y-2" aria-describedby={fieldError ? "require-2fa-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-900">{t("legend")}</legend>
        {(["on", "off"] as const).map((v) => (
          <label key={v} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="required" value={v} defaultChecked={(v === "on") === required} className="size-4" />
            {t(v)}
          </label>
        ))}
        {fieldError ? (
          <p id="require-2fa-error" className="text-sm text-red-700">
            {fieldError}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
