import { eq } from "drizzle-orm";
import type { Tx } from "../client";
import { setting } from "../schema";
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from "@/lib/notifications/rules";

const KEY = "notification_rules";

/** The administrator's thresholds for the notification rules; defaults until one is saved. */
export async function getNotificationSettings(db: Tx): Promise<NotificationSettings> {
  const row = (await db.select({ value: setting.value }).from(setting).where(eq(setting.key, KEY)).limit(1))[0];
  return row ? { ...DEFAULT_NOTIFICATION_SETTINGS, ...(JSON.parse(row.value) as Partial<NotificationSettings>) } : DEFAULT_NOTIFICATION_SETTINGS;
}

export async function setNotificationSettings(tx: Tx, s: NotificationSettings): Promise<void> {
  const value = JSON.stringify(s);
  await tx.insert(setting).values({ key: KEY, value }).onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } });
}
