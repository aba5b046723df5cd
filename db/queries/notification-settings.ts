import { eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { setting } from "../schema";
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from "@/lib/notifications/rules";

const KEY = "notification_rules";

/** The administrator's thresholds for the notification rules; defaults until one is saved. */
export async function getNotificationSettings(db: Db | Tx): Promise<NotificationSettings> {
  const row = db.select({ value: setting.value }).from(setting).where(eq(setting.key, KEY)).get();
  return row ? { ...DEFAULT_NOTIFICATION_SETTINGS, ...(JSON.parse(row.value) as Partial<NotificationSettings>) } : DEFAULT_NOTIFICATION_SETTINGS;
}

export function setNotificationSettings(tx: Tx, s: NotificationSettings): void {
  const value = JSON.stringify(s);
  tx.insert(setting).values({ key: KEY, value }).onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } }).run();
}
