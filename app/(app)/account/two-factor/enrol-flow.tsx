"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { confirmEnrolment, startEnrolment, type ConfirmState, type EnrolState } from "./commands";

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
  const [enrol, enrolAction, enrolPending] = useActionState<EnrolState, FormData>(startEnrolment, {});
  const [confirm, confirmAction, confirmPending] = useActionState<ConfirmState, FormData>(confirmEnrolment, {});
  const setup = enrol.setup;

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
            <form action={confirmAction} className="max-w-xs space-y-3" noValidate>
              {confirm.error ? <Alert tone="error">{confirm.error}</Alert> : null}
              <Field
                label={t("firstCode")}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                hint={t("firstCodeHint")}
                errors={confirm.fieldError ? [confirm.fieldError] : undefined}
              />
              <Button type="submit" disabled={confirmPending}>
                {confirmPending ? t("working") : t("turnOn")}
              </Button>
            </form>
          </li>
        </ol>
      </div>
    );

  return (
    <form action={enrolAction} className="max-w-md space-y-4" noValidate>
      <p className="text-sm text-slate-700">{t("enrolLead")}</p>
      {enrol.error ? <Alert tone="error">{enrol.error}</Alert> : null}
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={enrol.fieldError ? [enrol.fieldError] : undefined}
      />
      <Button type="submit" disabled={enrolPending}>
        {enrolPending ? t("working") : t("start")}
      </Button>
    </form>
  );
}
