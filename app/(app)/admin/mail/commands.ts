"use server";
import { setNotificationSettings } from "@/db/queries/notification-settings";
import { runCommand } from "@/server/auth/command";
import { parseInput } from "@/lib/validation/common";
import { notificationSettingsSchema } from "@/lib/validation/notifications";

/**
 * Saves the notification thresholds (admins only). The form's strings are checked by the same
 * schema the browser used; a refusal names each field with a message key.
 */
export async function saveThresholds(input: Record<string, unknown>) {
  return runCommand("admin", async ({ db }) => {
    const v = parseInput(notificationSettingsSchema, input);
    const agreementDays = [...new Set([v.agreementFirstDays, v.agreementSecondDays])].sort((a, b) => b - a);
    await setNotificationSettings(db, {
      dueSoonDays: v.dueSoonDays,
      agreementDays,
      digestHour: v.digestHour,
      giftHandoverDays: v.giftHandoverDays,
      giftSoonDays: v.giftSoonDays,
    });
  });
}
