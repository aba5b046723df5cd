import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { FOLLOWABLE_TYPES, MAIL_PREFERENCES, MAIL_STATES, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { ms, oneOf, timestamps } from "./columns";
import { user } from "./accounts";

export const notification = pgTable(
  "notification",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
    stage: text("stage").notNull(),
    key: text("key").notNull().unique(),
    subject: text("subject").notNull(),
    detail: text("detail"),
    href: text("href").notNull(),
    createdAt: ms("created_at")
      .notNull()
      .$defaultFn(() => new Date()),
    readAt: ms("read_at"),
    mailState: text("mail_state").notNull().default("pending"),
    mailAttempts: integer("mail_attempts").notNull().default(0),
    mailNextAttemptAt: ms("mail_next_attempt_at"),
    mailSentAt: ms("mail_sent_at"),
    mailError: text("mail_error"),
  },
  (t) => [
    oneOf("notification_kind_check", t.kind, NOTIFICATION_KINDS),
    oneOf("notification_mail_state_check", t.mailState, MAIL_STATES),
    index("notification_user_idx").on(t.userId, t.id),
    index("notification_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index("notification_mail_idx").on(t.mailState, t.userId),
  ],
);

export const follow = pgTable(
  "follow",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    oneOf("follow_record_type_check", t.recordType, FOLLOWABLE_TYPES),
    uniqueIndex("follow_user_record_idx").on(t.userId, t.recordType, t.recordId),
    index("follow_record_idx").on(t.recordType, t.recordId),
  ],
);

export const notificationPreference = pgTable(
  "notification_preference",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    mail: text("mail").notNull().default("immediate"),
    mutedKinds: jsonb("muted_kinds").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    timeZone: text("time_zone"),
    nextDigestAt: ms("next_digest_at"),
    ...timestamps,
  },
  (t) => [oneOf("notification_preference_mail_check", t.mail, MAIL_PREFERENCES)],
);

export const schedulerLease = pgTable("scheduler_lease", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: ms("expires_at").notNull(),
  lastRunAt: ms("last_run_at"),
  lastResult: jsonb("last_result"),
});
