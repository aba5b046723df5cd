"use client";
import { FormError } from "@/components/forms/form-parts";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { NotificationSettings } from "@/lib/notifications/rules";
import { lazySchema } from "@/components/forms/lazy-schema";
import { saveThresholds } from "./commands";

// The shared schema loads with the form's first use (components/forms/lazy-schema.ts).
const notificationSettingsSchema = lazySchema(() => import("@/lib/validation/notifications").then((m) => m.notificationSettingsSchema));

export function ThresholdForm({ settings }: { settings: NotificationSettings }) {
  const t = useTranslations("notifications.admin");
  const [done, setDone] = useState(false);
  const { formProps, err, formError, pending } = useCommandForm({
    command: saveThresholds,
    schema: notificationSettingsSchema,
    message: (e) => (e.code === "validation_failed" ? t("thresholdsInvalid") : e.message),
    onSaved: () => setDone(true),
    read: (form) => {
      setDone(false);
      return formValues(form);
    },
  });
  const [first = 90, second = first] = settings.agreementDays;
  const number = (name: string, min: number, max: number, value: number) => (
    <Field label={t(name as "dueSoonDays")} name={name} type="number" min={min} max={max} required defaultValue={value} errors={err(name)} />
  );
  return (
    <form
      {...formProps}
      className="max-w-lg space-y-4"
    >
      <FormError error={formError} />
      {done ? <Alert tone="success">{t("thresholdsSaved")}</Alert> : null}
      {number("dueSoonDays", 1, 60, settings.dueSoonDays)}
      {number("agreementFirstDays", 1, 365, first)}
      {number("agreementSecondDays", 1, 365, second)}
      {number("giftHandoverDays", 1, 365, settings.giftHandoverDays)}
      {number("giftSoonDays", 1, 60, settings.giftSoonDays)}
      {number("digestHour", 0, 23, settings.digestHour)}
      <Button type="submit" disabled={pending}>
        {t("saveThresholds")}
      </Button>
    </form>
  );
}
