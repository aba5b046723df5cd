import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { ACTION_SIDES, DATE_PRECISIONS, DELEGATION_ROLES, PROGRAMME_KINDS, TRAVEL_MODES, VISIT_DIRECTIONS, VISIT_STATUSES } from "@/lib/domain";
import { ms, oneOf, timestamps } from "./columns";
import { action, gift, meeting, partner, person } from "./records";

export const visit = pgTable(
  "visit",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    direction: text("direction").notNull(),
    title: text("title").notNull(),
    purpose: text("purpose"),
    status: text("status").notNull(),
    startsOn: text("starts_on"),
    endsOn: text("ends_on"),
    datePrecision: text("date_precision").notNull().default("day"),
    headPersonId: integer("head_person_id").references(() => person.id),
    hotel: text("hotel"),
    interpreterLanguages: text("interpreter_languages"),
    dietaryNeeds: text("dietary_needs"),
    accessNeeds: text("access_needs"),
    budgetAmount: doublePrecision("budget_amount"),
    budgetCurrency: text("budget_currency"),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    archivedAt: ms("archived_at"),
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

export const visitPartner = pgTable(
  "visit_partner",
  {
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partner.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.partnerId] }), index("visit_partner_partner_idx").on(t.partnerId, t.visitId)],
);

export const visitMember = pgTable(
  "visit_member",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => person.id),
    role: text("role").notNull().default("member"),
    titleAtTime: text("title_at_time"),
  },
  (t) => [
    oneOf("visit_member_role_check", t.role, DELEGATION_ROLES),
    uniqueIndex("visit_member_person_idx").on(t.visitId, t.personId),
    index("visit_member_by_person_idx").on(t.personId),
  ],
);

export const programmeItem = pgTable(
  "programme_item",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    startsAt: ms("starts_at"),
    endsAt: ms("ends_at"),
    timeZone: text("time_zone").notNull(),
    place: text("place"),
    notes: text("notes"),
    meetingId: integer("meeting_id").references(() => meeting.id, { onDelete: "set null" }),
  },
  (t) => [
    oneOf("programme_item_kind_check", t.kind, PROGRAMME_KINDS),
    check("programme_item_order_check", sql`${t.endsAt} is null or ${t.startsAt} is null or ${t.endsAt} >= ${t.startsAt}`),
    index("programme_item_visit_idx").on(t.visitId, t.startsAt),
    uniqueIndex("programme_item_meeting_idx").on(t.meetingId),
  ],
);

export const programmeAttendee = pgTable(
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

export const travelLeg = pgTable(
  "travel_leg",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    personId: integer("person_id").references(() => person.id),
    mode: text("mode").notNull().default("flight"),
    number: text("number"),
    fromPlace: text("from_place").notNull(),
    fromTimeZone: text("from_time_zone").notNull(),
    departsAt: ms("departs_at"),
    toPlace: text("to_place").notNull(),
    toTimeZone: text("to_time_zone").notNull(),
    arrivesAt: ms("arrives_at"),
    notes: text("notes"),
  },
  (t) => [
    oneOf("travel_leg_mode_check", t.mode, TRAVEL_MODES),
    check("travel_leg_order_check", sql`${t.arrivesAt} is null or ${t.departsAt} is null or ${t.arrivesAt} >= ${t.departsAt}`),
    index("travel_leg_visit_idx").on(t.visitId),
  ],
);

export const plannedGift = pgTable(
  "planned_gift",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    item: text("item").notNull(),
    description: text("description"),
    toPersonId: integer("to_person_id").references(() => person.id),
    estimatedValue: doublePrecision("estimated_value"),
    currency: text("currency"),
    giftId: integer("gift_id").references(() => gift.id, { onDelete: "set null" }),
  },
  (t) => [check("planned_gift_value_check", sql`${t.estimatedValue} is null or ${t.estimatedValue} >= 0`), index("planned_gift_visit_idx").on(t.visitId)],
);

export const checklistItem = pgTable(
  "checklist_item",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visit.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    side: text("side").notNull().default("ours"),
    dueOn: text("due_on"),
    doneAt: ms("done_at"),
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
