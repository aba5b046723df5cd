"use client";
import { FormError, SubmitButton } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useCommandForm } from "@/components/forms/use-command-form";
import { Field } from "@/components/ui/field";
import { confirmEnrolment, startEnrolment, type EnrolSetup } from "./commands";

/** Groups of four, as authenticator apps print keys: easier to read aloud and to type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * Password, then the QR code, the key as text and the backup codes (shown only here, once), then
 * a first code from the app, which switches it on.
 */
export function EnrolFlow() {
  const t = useTranslations("twoFactor");
  const [setup, setSetup] = useState<EnrolSetup | null>(null);
  // Destructured: the lint reads a hook result passed as a ref as a ref whole.
  const { formProps: enrolForm, ...enrol } = useCommandForm({ command: startEnrolment, message: (e) => e.message, onSaved: (s) => setSetup(s) });
  const { formProps: confirmForm, ...confirm } = useCommandForm({
    command: confirmEnrolment,
    message: (e) => e.message,
    // better-auth replaced the session: a full load shows the page with it.
    redirect: () => "/account/two-factor",
  });

  if (setup)
    return (
      <div className="space-y-5">
        <ol className="list-decimal space-y-5 pl-5 text-sm text-slate-800">
          <li className="space-y-2">
            <p>{t("scan")}</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing for next/image to optimise */}
            <img src={setup.qr} alt={t("qrAlt")} width={224} height={224} className="rounded border border-slate-200" />
          </li>
          <li className="space-y-2">
            <p id="secret-label">{t("typeKey")}</p>
            <p aria-labelledby="secret-label" className="break-all font-mono text-base text-slate-900" data-testid="totp-secret">
              {grouped(setup.secret)}
            </p>
          </li>
          <li className="space-y-2">
            <p className="font-medium text-slate-900">{t("backupTitle")}</p>
            <p>{t("backupLead")}</p>
            <ol aria-label={t("backupTitle")} className="grid max-w-md grid-cols-1 gap-2 font-mono text-base text-slate-900 min-[420px]:grid-cols-2">
              {setup.backupCodes.map((c) => (
                <li key={c} className="rounded border border-slate-200 bg-slate-50 px-3 py-1">
                  {c}
                </li>
              ))}
            </ol>
          </li>
          <li>
            <form {...confirmForm} className="max-w-xs space-y-3">
              <FormError error={confirm.formError} />
              <Field
                label={t("firstCode")}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                hint={t("firstCodeHint")}
                errors={confirm.err("code")}
              />
              <SubmitButton pending={confirm.pending} busy={t("working")}>
                {t("turnOn")}
              </SubmitButton>
            </form>
          </li>
        </ol>
      </div>
    );

  return (
    <form {...enrolForm} className="max-w-md space-y-4">
      <p className="text-sm text-slate-700">{t("enrolLead")}</p>
      <FormError error={enrol.formError} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={enrol.err("password")}
      />
      <SubmitButton pending={enrol.pending} busy={t("working")}>
        {t("start")}
      </SubmitButton>
    </form>
  );
}
