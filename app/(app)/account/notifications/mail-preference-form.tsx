"use client";
import { FormError } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MAIL_PREFERENCES, type MailPreference } from "@/lib/notifications/kinds";
import { lazySchema } from "@/components/forms/lazy-schema";
import { saveMailPreference, type MailPreferenceInput } from "./commands";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const mailPreferenceSchema = lazySchema(() => import("@/lib/validation/notifications").then((m) => m.mailPreferenceSchema));

export function MailPreferenceForm({ current }: { current: MailPreference }) {
  const t = useTranslations("notifications.pref");
  const [done, setDone] = useState(false);
  const { formProps, formError, pending } = useCommandForm({
    command: saveMailPreference,
    schema: mailPreferenceSchema,
    message: (e) => e.message,
    localMessage: t("legend"),
    onSaved: () => setDone(true),
    read: (form) => {
      setDone(false);
      return formValues(form) as unknown as MailPreferenceInput;
    },
  });
  return (
    <form
      {...formProps}
      className="max-w-md space-y-4"
    >
      <FormError error={formError} />
      {done ? <Alert tone="success">{t("saved")}</Alert> : null}
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
