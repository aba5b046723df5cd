"use server";
import { getTranslations } from "next-intl/server";
import { setNotificationSettings } from "@/db/queries/notification-settings";
import { runCommand } from "@/server/auth/command";
import { UserError } from "@/lib/errors";
import { formText } from "@/lib/form-data";
import { notificationSettingsSchema } from "@/lib/validation/notifications";

export interface ThresholdState {
  error?: string;
  done?: boolean;
}

export async function saveThresholds(_prev: ThresholdState, form: FormData): Promise<ThresholdState> {
  const t = await getTranslations("notifications.admin");
  const res = await runCommand("admin", async ({ db }) => {
    const parsed = notificationSettingsSchema.safeParse({
      dueSoonDays: formText(form, "dueSoonDays"),
      agreementFirstDays: formText(form, "agreementFirstDays"),
      agreementSecondDays: formText(form, "agreementSecondDays"),
      digestHour: formText(form, "digestHour"),
      giftHandoverDays: formText(form, "giftHandoverDays"),
      giftSoonDays: formText(form, "giftSoonDays"),
    });
    if (!parsed.success) throw new UserError("validation_failed", t("thresholdsInvalid"));
    const v = parsed.data;
    const agreementDays = [...new Set([v.agreementFirstDays, v.agreementSecondDays])].sort((a, b) => b - a);
    await setNotificationSettings(db, {
      dueSoonDays: v.dueSoonDays,
      agreementDays,
      digestHour: v.digestHour,
      giftHandoverDays: v.giftHandoverDays,
      giftSoonDays: v.giftSoonDays,
    });
  });
  return res.ok ? { done: true } : { error: res.error.message };
}
