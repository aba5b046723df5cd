import { relations, sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
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
  DELEGATION_ROLES,
  PROGRAMME_KINDS,
  TRAVEL_MODES,
  VISIT_DIRECTIONS,
  VISIT_STATUSES,
} from "@/lib/domain";
import { FOLLOWABLE_TYPES, MAIL_PREFERENCES, MAIL_STATES, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

/** CHECK (col IN (...)) for a closed vocabulary. */
function oneOf(name: string, col: AnySQLiteColumn, values: readonly string[]): ReturnType<typeof check> {
  const list = sql.raw(values.map((v) => `'${v}'`).join(", "));
  return check(name, sql`${col} in (${list})`);
}

function oneOfOrNull(name: string, col: AnySQLiteColumn, values: readonly string[]): ReturnType<typeof check> {
  const list = sql.raw(values.map((v) => `'${v}'`).join(", "));
  return check(name, sql`${col} is null or ${col} in (${list})`);
}

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
};

// ---------------------------------------------------------------- accounts (better-auth)

export const user = sqliteTable(
  "user",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
    image: text("image"),
    role: text("role").notNull().default("viewer"),
    banned: integer("banned", { mode: "boolean" }).default(false),
    banReason: text("ban_reason"),
    banExpires: integer("ban_expires", { mode: "timestamp_ms" }),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    /** Set by better-auth's twoFactor plugin once the first code from the app is confirmed. */
    twoFactorEnabled: integer("two_factor_enabled", { mode: "boolean" }).notNull().default(false),
    locale: text("locale"),
    ...timestamps,
  },
  (t) => [oneOf("user_role_check", t.role, ROLES)],
);

export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
    ...timestamps,
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = sqliteTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = sqliteTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  ...timestamps,
});

/**
 * better-auth's twoFactor plugin: the TOTP secret and the backup codes, both encrypted with the
 * auth secret; `verified` stays false until the user confirms a first code.
 */
export const twoFactor = sqliteTable(
  "two_factor",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    verified: integer("verified", { mode: "boolean" }).notNull().default(true),
    failedVerificationCount: integer("failed_verification_count").notNull().default(0),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [index("two_factor_user_idx").on(t.userId)],
);

/** Sign-in attempts, counted per account and per IP (see server/auth/rate-limit.ts). */
export const signInAttempt = sqliteTable(
  "sign_in_attempt",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sign_in_attempt_key_idx").on(t.key, t.at)],
);

/**
 * Addresses an account signed in from with its password: tries from these count in their own
 * bucket, so failures from elsewhere cannot lock the owner out (server/auth/rate-limit.ts).
 */
export const signInKnownAddress = sqliteTable(
  "sign_in_known_address",
  {
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    lastAt: integer("last_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.ip] })],
);

export const apiToken = sqliteTable(
  "api_token",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    role: text("role").notNull(),
    scope: text("scope").notNull().default("api"),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    partnerId: integer("partner_id").references((): AnySQLiteColumn => partner.id),
    createdBy: text("created_by").references(() => user.id),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [oneOf("api_token_role_check", t.role, ROLES), oneOf("api_token_scope_check", t.scope, TOKEN_SCOPES)],
);

// ---------------------------------------------------------------- settings

/** Key/value settings: the home region's names live here, nothing about it is hard-coded. */
export const setting = sqliteTable("setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  ...timestamps,
});

// ---------------------------------------------------------------- domain

export const partner = sqliteTable(
  "partner",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    nameEn: text("name_en").notNull(),
    nameKo: text("name_ko").notNull(),
    nameLocal: text("name_local"),
    country: text("country").notNull(),
    kind: text("kind").notNull(),
    level: text("level").notNull(),
    status: text("status").notNull(),
    /** ISO date of the first day of the period; read with sincePrecision. */
    sinceDate: text("since_date"),
    sincePrecision: text("since_precision"),
    timeZone: text("time_zone").notNull().default("UTC"),
    summary: text("summary"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
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

export const milestone = sqliteTable(
  "milestone",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partner.id),
    kind: text("kind").notNull(),
    date: text("date").notNull(),
    datePrecision: text("date_precision").notNull().default("day"),
    /** For agreements and MOUs: when it lapses or is due for renewal. */
    expiresOn: text("expires_on"),
    title: text("title").notNull(),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    oneOf("milestone_kind_check", t.kind, MILESTONE_KINDS),
    oneOf("milestone_precision_check", t.datePrecision, DATE_PRECISIONS),
    index("milestone_partner_date_idx").on(t.partnerId, t.date),
    index("milestone_expires_idx").on(t.expiresOn),
  ],
);

export const person = sqliteTable(
  "person",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    nameEn: text("name_en").notNull(),
    nameLocal: text("name_local"),
    title: text("title"),
    organisation: text("organisation"),
    side: text("side").notNull(),
    partnerId: integer("partner_id").references(() => partner.id),
    /** The account of a home-side official, so follow-ups owned by the person reach them. */
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    email: text("email"),
    phone: text("phone"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
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

export const meeting = sqliteTable(
  "meeting",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partner.id),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    status: text("status").notNull(),
    /** The UTC instant the meeting started; shown in timeZone. */
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
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
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
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
    // Timeline, dashboard and lists read live (unarchived) meetings only: these cover them.
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

export const participant = sqliteTable(
  "participant",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id),
    role: text("role").notNull().default("attendee"),
    /** The title the person held on the day: officials rotate. */
    titleAtTime: text("title_at_time"),
    ...timestamps,
  },
  (t) => [
    oneOf("participant_role_check", t.role, PARTICIPANT_ROLES),
    uniqueIndex("participant_meeting_person_idx").on(t.meetingId, t.personId),
    index("participant_person_idx").on(t.personId),
  ],
);

export const gift = sqliteTable(
  "gift",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    direction: text("direction").notNull(),
    item: text("item").notNull(),
    description: text("description"),
    origin: text("origin"),
    fromPersonId: integer("from_person_id").references(() => person.id),
    toPersonId: integer("to_person_id").references(() => person.id),
    /** Null value means "unknown, to be valued". */
    estimatedValue: real("estimated_value"),
    currency: text("currency"),
    declaredOn: text("declared_on"),
    disposition: text("disposition"),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    oneOf("gift_direction_check", t.direction, GIFT_DIRECTIONS),
    oneOfOrNull("gift_disposition_check", t.disposition, GIFT_DISPOSITIONS),
    check("gift_value_check", sql`${t.estimatedValue} is null or ${t.estimatedValue} >= 0`),
    index("gift_meeting_idx").on(t.meetingId),
    // The undeclared-gift rule reads only received gifts still to declare.
    index("gift_undeclared_idx")
      .on(t.direction, t.meetingId)
      .where(sql`${t.declaredOn} is null and ${t.archivedAt} is null`),
  ],
);

/**
 * What one unit of a currency was worth in KRW on a day, entered or imported by administrators
 * (nothing is fetched). A gift is converted at the latest rate on or before its meeting's date.
 */
export const exchangeRate = sqliteTable(
  "exchange_rate",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** ISO 4217, upper case. */
    currency: text("currency").notNull(),
    /** "YYYY-MM-DD" */
    date: text("date").notNull(),
    rateToKrw: real("rate_to_krw").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("exchange_rate_currency_date_idx").on(t.currency, t.date),
    check("exchange_rate_positive_check", sql`${t.rateToKrw} > 0`),
  ],
);
export type ExchangeRate = typeof exchangeRate.$inferSelect;

export const action = sqliteTable(
  "action",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    /** Gap-based order within a status column (see lib/board/position.ts). */
    position: integer("position").notNull().default(0),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    oneOf("action_side_check", t.side, ACTION_SIDES),
    oneOf("action_status_check", t.status, ACTION_STATUSES),
    oneOf("action_priority_check", t.priority, ACTION_PRIORITIES),
    check("action_completed_check", sql`(${t.status} = 'done') = (${t.completedAt} is not null)`),
    index("action_status_position_idx").on(t.status, t.position),
    // The board counts live cards per column; without this, 300k actions mean a full scan.
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

export const actionComment = sqliteTable(
  "action_comment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actionId: integer("action_id")
      .notNull()
      .references(() => action.id, { onDelete: "cascade" }),
    authorUserId: text("author_user_id").references(() => user.id),
    body: text("body").notNull(),
    ...timestamps,
  },
  (t) => [index("action_comment_action_idx").on(t.actionId, t.createdAt)],
);

export const auditEvent = sqliteTable(
  "audit_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    actorUserId: text("actor_user_id"),
    /** Who, readable even after the user is renamed: email, "token:<name>" or "system". */
    actorLabel: text("actor_label").notNull(),
    event: text("event").notNull(),
    recordType: text("record_type").notNull(),
    recordId: text("record_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    ipAddress: text("ip_address"),
    ...timestamps,
  },
  (t) => [
    index("audit_record_idx").on(t.recordType, t.recordId, t.at),
    index("audit_actor_idx").on(t.actorUserId, t.at),
    index("audit_at_idx").on(t.at),
  ],
);


// ---------------------------------------------------------------- visits

/** A trip of ours (outgoing) or a delegation to us (incoming); its parts below are saved with it. */
export const visit = sqliteTable(
  "visit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    direction: text("direction").notNull(),
    title: text("title").notNull(),
    purpose: text("purpose"),
    status: text("status").notNull(),
    /** First day of the period datePrecision names; null while the date is to be scheduled. */
    startsOn: text("starts_on"),
    endsOn: text("ends_on"),
    datePrecision: text("date_precision").notNull().default("day"),
    headPersonId: integer("head_person_id").references(() => person.id),
    hotel: text("hotel"),
    interpreterLanguages: text("interpreter_languages"),
    dietaryNeeds: text("dietary_needs"),
    accessNeeds: text("access_needs"),
    budgetAmount: real("budget_amount"),
    budgetCurrency: text("budget_currency"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [
    oneOf("visit_direction_check", t.direction, VISIT_DIRECTIONS),
    oneOf("visit_status_check", t.status, VISIT_STATUSES),
    oneOf("visit_precision_check", t.datePrecision, DATE_PRECISIONS),
    check("visit_budget_check", sql`${t.budgetAmount} is null or ${t.budgetAmount} >= 0`),
    check("visit_dates_check", sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    index("visit_live_starts_idx")
      .on(t.startsOn, t.id)
      .where(sql`${t.archivedAt} is null`),
    index("visit_status_idx").on(t.status, t.startsOn),
    // Until when a visit runs (its last day, else its first; one to be scheduled runs on): /visits
    // and the dashboard find the upcoming ones by it.
    index("visit_live_until_idx")
      .on(sql`(case when ${t.startsOn} is null then '9999-12-31' when ${t.endsOn} is null then ${t.startsOn} else ${t.endsOn} end)`, t.id)
      .where(sql`${t.archivedAt} is null`),
  ],
);

export const visitPartner = sqliteTable(
  "visit_partner",
  {
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partner.id),
    /** 0 is the visit's main partner. */
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.partnerId] }), index("visit_partner_partner_idx").on(t.partnerId, t.visitId)],
);

export const visitMember = sqliteTable(
  "visit_member",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id),
    role: text("role").notNull().default("member"),
    /** The title the person held on the visit: officials rotate. */
    titleAtTime: text("title_at_time"),
  },
  (t) => [
    oneOf("visit_member_role_check", t.role, DELEGATION_ROLES),
    uniqueIndex("visit_member_person_idx").on(t.visitId, t.personId),
    index("visit_member_by_person_idx").on(t.personId),
  ],
);

export const programmeItem = sqliteTable(
  "programme_item",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** UTC instants, shown in timeZone (the place's); null while not yet scheduled. */
    startsAt: integer("starts_at", { mode: "timestamp_ms" }),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }),
    timeZone: text("time_zone").notNull(),
    place: text("place"),
    notes: text("notes"),
    /** The meeting this item became once held; the meeting page links back through it. */
    meetingId: integer("meeting_id").references(() => meeting.id, { onDelete: "set null" }),
  },
  (t) => [
    oneOf("programme_item_kind_check", t.kind, PROGRAMME_KINDS),
    check("programme_item_order_check", sql`${t.endsAt} is null or ${t.startsAt} is null or ${t.endsAt} >= ${t.startsAt}`),
    index("programme_item_visit_idx").on(t.visitId, t.startsAt),
    uniqueIndex("programme_item_meeting_idx").on(t.meetingId),
  ],
);

export const programmeAttendee = sqliteTable(
  "programme_attendee",
  {
    itemId: integer("item_id")
      .notNull()
      .references(() => programmeItem.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.personId] })],
);

export const travelLeg = sqliteTable(
  "travel_leg",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    /** Who travels on it; null for the whole delegation. */
    personId: integer("person_id").references(() => person.id),
    mode: text("mode").notNull().default("flight"),
    /** Flight or train number, such as "KE 123". */
    number: text("number"),
    fromPlace: text("from_place").notNull(),
    fromTimeZone: text("from_time_zone").notNull(),
    departsAt: integer("departs_at", { mode: "timestamp_ms" }),
    toPlace: text("to_place").notNull(),
    toTimeZone: text("to_time_zone").notNull(),
    arrivesAt: integer("arrives_at", { mode: "timestamp_ms" }),
    notes: text("notes"),
  },
  (t) => [
    oneOf("travel_leg_mode_check", t.mode, TRAVEL_MODES),
    check("travel_leg_order_check", sql`${t.arrivesAt} is null or ${t.departsAt} is null or ${t.arrivesAt} >= ${t.departsAt}`),
    index("travel_leg_visit_idx").on(t.visitId),
  ],
);

export const plannedGift = sqliteTable(
  "planned_gift",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    item: text("item").notNull(),
    description: text("description"),
    toPersonId: integer("to_person_id").references(() => person.id),
    estimatedValue: real("estimated_value"),
    currency: text("currency"),
    /** The gift register's entry once it was given. */
    giftId: integer("gift_id").references(() => gift.id, { onDelete: "set null" }),
  },
  (t) => [check("planned_gift_value_check", sql`${t.estimatedValue} is null or ${t.estimatedValue} >= 0`), index("planned_gift_visit_idx").on(t.visitId)],
);

export const checklistItem = sqliteTable(
  "checklist_item",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Whose task: ours reach the board as our follow-ups. */
    side: text("side").notNull().default("ours"),
    dueOn: text("due_on"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    position: integer("position").notNull().default(0),
    /** Our side's item is this follow-up on the board: ticking one completes the other. */
    actionId: integer("action_id").references(() => action.id, { onDelete: "set null" }),
  },
  (t) => [
    oneOf("checklist_item_side_check", t.side, ACTION_SIDES),
    index("checklist_item_visit_idx").on(t.visitId, t.position),
    uniqueIndex("checklist_item_action_idx").on(t.actionId),
    index("checklist_item_open_due_idx")
      .on(t.dueOn)
      .where(sql`${t.doneAt} is null`),
  ],
);

export type Visit = typeof visit.$inferSelect;
export type ProgrammeItem = typeof programmeItem.$inferSelect;
export type TravelLeg = typeof travelLeg.$inferSelect;

// ---------------------------------------------------------------- notifications

/** One notice for one user; `key` makes every rule fire once per stage, across restarts and runners. */
export const notification = sqliteTable(
  "notification",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
    stage: text("stage").notNull(),
    key: text("key").notNull().unique(),
    /** The record's title when the notice was made, so the list reads without joins. */
    subject: text("subject").notNull(),
    /** The due or expiry date the notice is about, or who made the change. */
    detail: text("detail"),
    /** The record's page in the app, relative to BETTER_AUTH_URL. */
    href: text("href").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    mailState: text("mail_state").notNull().default("pending"),
    mailAttempts: integer("mail_attempts").notNull().default(0),
    mailNextAttemptAt: integer("mail_next_attempt_at", { mode: "timestamp_ms" }),
    mailSentAt: integer("mail_sent_at", { mode: "timestamp_ms" }),
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

/** user × record; `active` false keeps an explicit unfollow, so default follows do not come back. */
export const follow = sqliteTable(
  "follow",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    ...timestamps,
  },
  (t) => [
    oneOf("follow_record_type_check", t.recordType, FOLLOWABLE_TYPES),
    uniqueIndex("follow_user_record_idx").on(t.userId, t.recordType, t.recordId),
    index("follow_record_idx").on(t.recordType, t.recordId),
  ],
);

/** Mail preference per user; no row means mail at once, in the home region's zone. */
export const notificationPreference = sqliteTable(
  "notification_preference",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    mail: text("mail").notNull().default("immediate"),
    /** Kinds unsubscribed from by the one-click link, as a JSON array. */
    mutedKinds: text("muted_kinds", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** The zone dates are judged in: the browser's, recorded when the user is seen. */
    timeZone: text("time_zone"),
    nextDigestAt: integer("next_digest_at", { mode: "timestamp_ms" }),
    ...timestamps,
  },
  (t) => [oneOf("notification_preference_mail_check", t.mail, MAIL_PREFERENCES)],
);

/** One row per scheduled job: whoever holds an unexpired lease is the only runner. */
export const schedulerLease = sqliteTable("scheduler_lease", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }),
  lastResult: text("last_result", { mode: "json" }),
});

// ---------------------------------------------------------------- relations

export const partnerRelations = relations(partner, ({ many }) => ({
  milestones: many(milestone),
  people: many(person),
  meetings: many(meeting),
  actions: many(action),
}));
export const milestoneRelations = relations(milestone, ({ one }) => ({
  partner: one(partner, { fields: [milestone.partnerId], references: [partner.id] }),
}));
export const personRelations = relations(person, ({ one, many }) => ({
  partner: one(partner, { fields: [person.partnerId], references: [partner.id] }),
  participations: many(participant),
}));
export const meetingRelations = relations(meeting, ({ one, many }) => ({
  partner: one(partner, { fields: [meeting.partnerId], references: [partner.id] }),
  participants: many(participant),
  gifts: many(gift),
  actions: many(action),
}));
export const participantRelations = relations(participant, ({ one }) => ({
  meeting: one(meeting, { fields: [participant.meetingId], references: [meeting.id] }),
  person: one(person, { fields: [participant.personId], references: [person.id] }),
}));
export const giftRelations = relations(gift, ({ one }) => ({
  meeting: one(meeting, { fields: [gift.meetingId], references: [meeting.id] }),
  fromPerson: one(person, { fields: [gift.fromPersonId], references: [person.id], relationName: "giftFrom" }),
  toPerson: one(person, { fields: [gift.toPersonId], references: [person.id], relationName: "giftTo" }),
}));
export const actionRelations = relations(action, ({ one, many }) => ({
  partner: one(partner, { fields: [action.partnerId], references: [partner.id] }),
  meeting: one(meeting, { fields: [action.meetingId], references: [meeting.id] }),
  ownerPerson: one(person, { fields: [action.ownerPersonId], references: [person.id] }),
  ownerUser: one(user, { fields: [action.ownerUserId], references: [user.id] }),
  comments: many(actionComment),
}));
export const actionCommentRelations = relations(actionComment, ({ one }) => ({
  action: one(action, { fields: [actionComment.actionId], references: [action.id] }),
  author: one(user, { fields: [actionComment.authorUserId], references: [user.id] }),
}));

export type Partner = typeof partner.$inferSelect;
export type NewPartner = typeof partner.$inferInsert;
export type Milestone = typeof milestone.$inferSelect;
export type Person = typeof person.$inferSelect;
export type Meeting = typeof meeting.$inferSelect;
export type Participant = typeof participant.$inferSelect;
export type Gift = typeof gift.$inferSelect;
export type Action = typeof action.$inferSelect;
export type AuditEvent = typeof auditEvent.$inferSelect;
export type User = typeof user.$inferSelect;
export type Notification = typeof notification.$inferSelect;
