"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { NotificationSettings } from "@/lib/notifications/rules";
import { saveThresholds, type ThresholdState } from "./commands";

export function ThresholdForm({ settings }: { settings: NotificationSettings }) {
  const t = useTranslations("notifications.admin");
  const [state, action, pending] = useActionState<ThresholdState, FormData>(saveThresholds, {});
  const [first = 90, second = first] = settings.agreementDays;
  return (
    <form action={action} className="max-w-lg space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.done ? <Alert tone="success">{t("thresholdsSaved")}</Alert> : null}
      <Field label={t("dueSoonDays")} name="dueSoonDays" type="number" min={1} max={60} required defaultValue={settings.dueSoonDays} />
      <Field label={t("agreementFirstDays")} name="agreementFirstDays" type="number" min={1} max={365} required defaultValue={first} />
      <Field label={t("agreementSecondDays")} name="agreementSecondDays" type="number" min={1} max={365} required defaultValue={second} />
      <Field label={t("giftHandoverDays")} name="giftHandoverDays" type="number" min={1} max={365} required defaultValue={settings.giftHandoverDays} />
      <Field label={t("giftSoonDays")} name="giftSoonDays" type="number" min={1} max={60} required defaultValue={settings.giftSoonDays} />
      <Field label={t("digestHour")} name="digestHour" type="number" min={0} max={23} required defaultValue={settings.digestHour} />
      <Button type="submit" disabled={pending}>
        {t("saveThresholds")}
      </Button>
    </form>
  );
}
