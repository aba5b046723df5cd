import { zonedTimeToUtc } from "@/lib/format";
import type { MailPreference } from "./kinds";

// The date rules, pure: which stage a date is at on a given day in the user's zone. Each rule is
// written here once; db/queries/notifications.ts applies them and the unique key makes each stage
// fire once.

/** The thresholds an administrator sets (stored in the setting table). */
export interface NotificationSettings {
  /** Days before a follow-up's due date for the "falls due soon" reminder. */
  dueSoonDays: number;
  /** Days before an agreement's expiry or renewal for its reminders, largest first. */
  agreementDays: number[];
  /** Local hour (0–23) daily and weekly digests go out. */
  digestHour: number;
  /** Days after receipt by which a declarable gift must be handed over (30 under the Public Service Ethics Act). */
  giftHandoverDays: number;
  /** Days before that hand-over limit for the "hand it over soon" reminder. */
  giftSoonDays: number;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  dueSoonDays: 7,
  agreementDays: [90, 30],
  digestHour: 8,
  giftHandoverDays: 30,
  giftSoonDays: 7,
};

/** Calendar-day arithmetic on "YYYY-MM-DD" (UTC noon avoids any DST edge). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

export type DueStage = "due_soon" | "due_today" | "overdue";

/** The one stage an open follow-up is at today; only the current stage fires, earlier ones are not back-filled. */
export function dueStage(dueOn: string, today: string, soonDays: number): DueStage | null {
  const left = daysBetween(today, dueOn);
  if (left < 0) return "overdue";
  if (left === 0) return "due_today";
  return left <= soonDays ? "due_soon" : null;
}

/** The threshold (in days) an expiry date has passed today, e.g. 30 when 12 days are left of [90, 30]. */
export function agreementStage(expiresOn: string, today: string, days: number[]): number | null {
  const left = daysBetween(today, expiresOn);
  if (left < 0) return null;
  const passed = days.filter((d) => left <= d).sort((a, b) => a - b);
  return passed[0] ?? null;
}

export type GiftStage = "declare" | "handover_soon" | "handover_overdue";

/**
 * Where an undeclared, declarable gift received on `receivedOn` stands today: to be declared without
 * delay, to be handed over soon, or past the hand-over limit. Only the current stage fires.
 */
export function giftStage(receivedOn: string, today: string, handoverDays: number, soonDays: number): { stage: GiftStage; handoverBy: string } | null {
  if (daysBetween(receivedOn, today) < 0) return null;
  const handoverBy = addDays(receivedOn, handoverDays);
  const left = daysBetween(today, handoverBy);
  return { stage: left < 0 ? "handover_overdue" : left <= soonDays ? "handover_soon" : "declare", handoverBy };
}

/** When the next digest of this preference goes out: the next digest hour (Mondays for weekly), local time. */
export function nextDigestAt(mail: MailPreference, zone: string, now: Date, hour: number): Date | null {
  if (mail !== "daily" && mail !== "weekly") return null;
  const time = `${String(hour).padStart(2, "0")}:00`;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  for (let i = 0; i <= 8; i++) {
    const day = addDays(today, i);
    const at = zonedTimeToUtc(day, time, zone);
    if (!at || at <= now) continue;
    if (mail === "weekly" && new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) continue;
    return at;
  }
  return null;
}
