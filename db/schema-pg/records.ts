import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import {
  ACTION_PRIORITIES,
  ACTION_SIDES,
  ACTION_STATUSES,
  DATE_PRECISIONS,
  GIFT_DIRECTIONS,
  GIFT_DISPOSITIONS,
  MEETING_KINDS,
  MEETING_STATUSES,
  MILESTONE_KINDS,
  PARTICIPANT_ROLES,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PERSON_SIDES,
  RELATIONSHIP_LEVELS,
  ROLES,
  TOKEN_SCOPES,
} from "@/lib/domain";
import { ms, oneOf, oneOfOrNull, timestamps } from "./columns";
import { user } from "./accounts";

export const apiToken = pgTable(
  "api_token",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    scope: text("scope").notNull().default("api"),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    partnerId: integer("partner_id").references((): AnyPgColumn => partner.id),
    createdBy: text("created_by").references(() => user.id),
    lastUsedAt: ms("last_used_at"),
    revokedAt: ms("revoked_at"),
    ...timestamps,
  },
  (t) => [oneOf("api_token_role_check", t.role, ROLES), oneOf("api_token_scope_check", t.scope, TOKEN_SCOPES)],
);

export const partner = pgTable(
  "partner",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull().unique(),
    nameEn: text("name_en").notNull(),
    nameKo: text("name_ko").notNull(),
    nameLocal: text("name_local"),
    country: text("country").notNull(),
    kind: text("kind").notNull(),
    level: text("level").notNull(),
    status: text("status").notNull(),
    sinceDate: text("since_date"),
    sincePrecision: text("since_precision"),
    timeZone: text("time_zone").notNull().default("UTC"),
    summary: text("summary"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    version: integer("version").notNull().default(1),
    archivedAt: ms("archived_at"),
    ...timestamps,
  },
  (t) => [
    oneOf("partner_kind_check", t.kind, PARTNER_KINDS),
    oneOf("partner_level_check", t.level, RELATIONSHIP_LEVELS),
    oneOf("partner_status_check", t.status, PARTNER_STATUSES),
    oneOfOrNull("partner_since_precision_check", t.sincePrecision, DATE_PRECISIONS),
    check("partner_country_check", sql`length(${t.country}) = 2`),
    index("partner_status_idx").on(t.status),
    index("partner_since_idx").on(t.sinceDate),
    index("partner_archived_idx").on(t.archivedAt),
  ],
);

export const milestone = pgTable(
  "milestone",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partner.id),
    kind: text("kind").notNull(),
    date: text("date").notNull(),
    datePrecision: text("date_precision").notNull().default("day"),
    expiresOn: text("expires_on"),
    title: text("title").notNull(),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    archivedAt: ms("archived_at"),
    ...timestamps,
  },
  (t) => [
    oneOf("milestone_kind_check", t.kind, MILESTONE_KINDS),
    oneOf("milestone_precision_check", t.datePrecision, DATE_PRECISIONS),
    index("milestone_partner_date_idx").on(t.partnerId, t.date),
    index("milestone_expires_idx").on(t.expiresOn),
  ],
);

export const person = pgTable(
  "person",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    nameEn: text("name_en").notNull(),
    nameLocal: text("name_local"),
    title: text("title"),
    organisation: text("organisation"),
    side: text("side").notNull(),
    partnerId: integer("partner_id").references(() => partner.id),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    email: text("email"),
    phone: text("phone"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    archivedAt: ms("archived_at"),
    ...timestamps,
  },
  (t) => [
    oneOf("person_side_check", t.side, PERSON_SIDES),
    check("person_partner_side_check", sql`${t.side} = 'partner' or ${t.partnerId} is null`),
    index("person_partner_idx").on(t.partnerId),
    index("person_name_idx").on(t.nameEn),
    index("person_user_idx").on(t.userId),
  ],
);

export const meeting = pgTable(
  "meeting",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partner.id),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    status: text("status").notNull(),
    startsAt: ms("starts_at").notNull(),
    timeZone: text("time_zone").notNull(),
    durationMinutes: integer("duration_minutes"),
    venue: text("venue"),
    city: text("city"),
    attendeeCount: integer("attendee_count"),
    topics: text("topics"),
    summary: text("summary"),
    outcomes: text("outcomes"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    archivedAt: ms("archived_at"),
    ...timestamps,
  },
  (t) => [
    oneOf("meeting_kind_check", t.kind, MEETING_KINDS),
    oneOf("meeting_status_check", t.status, MEETING_STATUSES),
    check("meeting_duration_check", sql`${t.durationMinutes} is null or ${t.durationMinutes} >= 0`),
    check("meeting_attendees_check", sql`${t.attendeeCount} is null or ${t.attendeeCount} >= 0`),
    index("meeting_partner_starts_idx").on(t.partnerId, t.startsAt),
    index("meeting_starts_idx").on(t.startsAt),
    index("meeting_status_starts_idx").on(t.status, t.startsAt),
    index("meeting_live_partner_starts_idx")
      .on(t.partnerId, t.startsAt, t.status, t.kind)
      .where(sql`${t.archivedAt} is null`),
    // The meeting list's default order (newest first, id as tie-break), index-only for deep pages.
    index("meeting_live_starts_id_idx")
      .on(t.startsAt, t.id)
      .where(sql`${t.archivedAt} is null`),
    index("meeting_live_starts_idx")
      .on(t.startsAt, t.status, t.partnerId)
      .where(sql`${t.archivedAt} is null`),
  ],
);

export const participant = pgTable(
  "participant",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id),
    role: text("role").notNull().default("attendee"),
    titleAtTime: text("title_at_time"),
    ...timestamps,
  },
  (t) => [
    oneOf("participant_role_check", t.role, PARTICIPANT_ROLES),
    uniqueIndex("participant_meeting_person_idx").on(t.meetingId, t.personId),
    index("participant_person_idx").on(t.personId),
  ],
);

export const gift = pgTable(
  "gift",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    direction: text("direction").notNull(),
    item: text("item").notNull(),
    description: text("description"),
    origin: text("origin"),
    fromPersonId: integer("from_person_id").references(() => person.id),
    toPersonId: integer("to_person_id").references(() => person.id),
    estimatedValue: doublePrecision("estimated_value"),
    currency: text("currency"),
    declaredOn: text("declared_on"),
    disposition: text("disposition"),
    version: integer("version").notNull().default(1),
    archivedAt: ms("archived_at"),
    ...timestamps,
  },
  (t) => [
    oneOf("gift_direction_check", t.direction, GIFT_DIRECTIONS),
    oneOfOrNull("gift_disposition_check", t.disposition, GIFT_DISPOSITIONS),
    check("gift_value_check", sql`${t.estimatedValue} is null or ${t.estimatedValue} >= 0`),
    index("gift_meeting_idx").on(t.meetingId),
    index("gift_undeclared_idx")
      .on(t.direction, t.meetingId)
      .where(sql`${t.declaredOn} is null and ${t.archivedAt} is null`),
  ],
);

export const exchangeRate = pgTable(
  "exchange_rate",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    currency: text("currency").notNull(),
    date: text("date").notNull(),
    rateToKrw: doublePrecision("rate_to_krw").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("exchange_rate_currency_date_idx").on(t.currency, t.date),
    check("exchange_rate_positive_check", sql`${t.rateToKrw} > 0`),
  ],
);

export const action = pgTable(
  "action",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partner.id),
    meetingId: integer("meeting_id").references(() => meeting.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description"),
    side: text("side").notNull(),
    ownerPersonId: integer("owner_person_id").references(() => person.id),
    ownerUserId: text("owner_user_id").references(() => user.id),
    dueOn: text("due_on"),
    status: text("status").notNull().default("open"),
    priority: text("priority").notNull().default("normal"),
    position: integer("position").notNull().default(0),
    completedAt: ms("completed_at"),
    version: integer("version").notNull().default(1),
    archivedAt: ms("archived_at"),
    ...timestamps,
  },
  (t) => [
    oneOf("action_side_check", t.side, ACTION_SIDES),
    oneOf("action_status_check", t.status, ACTION_STATUSES),
    oneOf("action_priority_check", t.priority, ACTION_PRIORITIES),
    check("action_completed_check", sql`(${t.status} = 'done') = (${t.completedAt} is not null)`),
    index("action_status_position_idx").on(t.status, t.position),
    index("action_live_status_idx")
      .on(t.status, t.dueOn)
      .where(sql`${t.archivedAt} is null`),
    index("action_live_due_idx")
      .on(t.dueOn, t.id)
      .where(sql`${t.archivedAt} is null`),
    // /actions' default order (undated last) read straight off an index, so page 1 stops at 50 rows.
    index("action_live_order_idx")
      .on(sql`(${t.dueOn} is null)`, t.dueOn, t.id)
      .where(sql`${t.archivedAt} is null`),
    // A partner's live follow-ups: its open and overdue counts from the index alone, and its
    // page's list in due order without sorting all of them.
    index("action_live_partner_idx")
      .on(t.partnerId, t.status, t.dueOn)
      .where(sql`${t.archivedAt} is null`),
    index("action_live_partner_order_idx")
      .on(t.partnerId, sql`(${t.dueOn} is null)`, t.dueOn, t.id, t.status)
      .where(sql`${t.archivedAt} is null`),
    // The briefing's follow-ups of each side in due order, and both sides counted, off the index
    // alone (by partner only, each row was looked up for its side: 0.8 s per side at 1M meetings).
    index("action_live_partner_side_idx")
      .on(t.partnerId, t.side, sql`(${t.dueOn} is null)`, t.dueOn, t.id, t.status)
      .where(sql`${t.archivedAt} is null`),
    index("action_partner_status_idx").on(t.partnerId, t.status),
    index("action_due_idx").on(t.status, t.dueOn),
    index("action_meeting_idx").on(t.meetingId),
    index("action_owner_person_idx").on(t.ownerPersonId),
  ],
);

export const actionComment = pgTable(
  "action_comment",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    actionId: integer("action_id")
      .notNull()
      .references(() => action.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id").references(() => user.id),
    body: text("body").notNull(),
    ...timestamps,
  },
  (t) => [index("action_comment_action_idx").on(t.actionId, t.createdAt)],
);

export const auditEvent = pgTable(
  "audit_event",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: ms("at")
      .notNull()
      .$defaultFn(() => new Date()),
    actorUserId: text("actor_user_id"),
    actorLabel: text("actor_label").notNull(),
    event: text("event").notNull(),
    recordType: text("record_type").notNull(),
    recordId: text("record_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ipAddress: text("ip_address"),
    ...timestamps,
  },
  (t) => [
    index("audit_record_idx").on(t.recordType, t.recordId, t.at),
    index("audit_actor_idx").on(t.actorUserId, t.at),
    index("audit_at_idx").on(t.at),
  ],
);
