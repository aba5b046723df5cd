"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MAIL_PREFERENCES, type MailPreference } from "@/lib/notifications/kinds";
import { saveMailPreference, type MailPreferenceState } from "./commands";

export function MailPreferenceForm({ current }: { current: MailPreference }) {
  const t = useTranslations("notifications.pref");
  const [state, action, pending] = useActionState<MailPreferenceState, FormData>(saveMailPreference, {});
  return (
    <form action={action} className="max-w-md space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.done ? <Alert tone="success">{t("saved")}</Alert> : null}
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-slate-900">{t("legend")}</legend>
        {MAIL_PREFERENCES.map((p) => (
          <label key={p} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="mail" value={p} defaultChecked={p === current} className="size-4" />
            {t(p)}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
