// The closed vocabularies of notifications, shared by the schema, the rules, the UI and the API.

export const NOTIFICATION_KINDS = [
  "assigned",
  "due_soon",
  "due_today",
  "overdue",
  "agreement_expiring",
  "gift_undeclared",
  "record_changed",
  "record_commented",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const FOLLOWABLE_TYPES = ["partner", "meeting", "action"] as const;
export type FollowableType = (typeof FOLLOWABLE_TYPES)[number];

export const MAIL_PREFERENCES = ["immediate", "daily", "weekly", "off"] as const;
export type MailPreference = (typeof MAIL_PREFERENCES)[number];

/** pending also covers a failed delivery waiting for its next attempt (mail_attempts > 0). */
export const MAIL_STATES = ["pending", "sending", "sent", "failed", "skipped"] as const;
export type MailState = (typeof MAIL_STATES)[number];

export function isNotificationKind(v: unknown): v is NotificationKind {
  return typeof v === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(v);
}

export function isFollowableType(v: unknown): v is FollowableType {
  return typeof v === "string" && (FOLLOWABLE_TYPES as readonly string[]).includes(v);
}
