import { z } from "zod";
import { ACTION_SIDES, DELEGATION_ROLES, PROGRAMME_KINDS, TRAVEL_MODES, VISIT_DIRECTIONS, VISIT_STATUSES } from "@/lib/domain";
import { normaliseDate, zonedTimeToUtc } from "@/lib/format";
import {
  blankToUndefined,
  datePrecision,
  id,
  isoDate,
  keyed,
  messageKey,
  optionalId,
  optionalIsoDate,
  optionalNumber,
  optionalText,
  partialIsoDate,
  requiredText,
  timeZone,
  version,
} from "./common";

// One visit is saved as one document: the record, its delegation, programme, travel legs, gifts
// to prepare and checklist. Times come either as wall-clock date and time in the item's own zone
// (the form) or as UTC instants (what the API returns); the wall clock wins when both are given.

const time = blankToUndefined(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, keyed("time")).optional());
const day = blankToUndefined(isoDate.optional());
const instant = blankToUndefined(z.iso.datetime({ offset: true, ...keyed("instant") }).optional());
const personIds = z.array(id).max(200).default([]);
const flag = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

export const memberSchema = z.object({
  id: optionalId,
  personId: id,
  role: z.enum(DELEGATION_ROLES).default("member"),
  titleAtTime: optionalText(300),
});

export const programmeItemSchema = z.object({
  id: optionalId,
  kind: z.enum(PROGRAMME_KINDS),
  title: requiredText(300),
  timeZone,
  startDate: day,
  startTime: time,
  /** Defaults to the start's date: most items end the day they start. */
  endDate: day,
  endTime: time,
  startsAt: instant,
  endsAt: instant,
  place: optionalText(300),
  notes: optionalText(5000),
  attendeeIds: personIds,
  /** The meeting this item became; left out, an existing item keeps the one it has. */
  meetingId: optionalId,
});

export const travelLegSchema = z.object({
  id: optionalId,
  personId: optionalId,
  mode: z.enum(TRAVEL_MODES).default("flight"),
  number: optionalText(50),
  fromPlace: requiredText(200),
  fromTimeZone: timeZone,
  departDate: day,
  departTime: time,
  departsAt: instant,
  toPlace: requiredText(200),
  toTimeZone: timeZone,
  arriveDate: day,
  arriveTime: time,
  arrivesAt: instant,
  notes: optionalText(2000),
});

export const plannedGiftSchema = z.object({
  id: optionalId,
  item: requiredText(300),
  description: optionalText(2000),
  toPersonId: optionalId,
  estimatedValue: optionalNumber(),
  currency: blankToUndefined(z.string().regex(/^[A-Z]{3}$/, keyed("currencyCode")).optional()),
  giftId: optionalId,
});

export const checklistItemSchema = z.object({
  id: optionalId,
  title: requiredText(300),
  side: z.enum(ACTION_SIDES).default("ours"),
  dueOn: optionalIsoDate,
  done: flag.default(false),
});

const visitFields = z.object({
  direction: z.enum(VISIT_DIRECTIONS),
  title: requiredText(300),
  purpose: optionalText(5000),
  status: z.enum(VISIT_STATUSES),
  /** "2019", "2019-11" or "2019-11-27"; empty while the date is to be scheduled. */
  startsOn: blankToUndefined(partialIsoDate.optional()),
  endsOn: blankToUndefined(partialIsoDate.optional()),
  datePrecision: datePrecision.default("day"),
  partnerIds: z.array(id).min(1, keyed("chooseAPartner")).max(20),
  headPersonId: optionalId,
  hotel: optionalText(300),
  interpreterLanguages: optionalText(300),
  dietaryNeeds: optionalText(2000),
  accessNeeds: optionalText(2000),
  budgetAmount: optionalNumber(),
  budgetCurrency: blankToUndefined(z.string().regex(/^[A-Z]{3}$/, keyed("currencyCode")).optional()),
  notes: optionalText(20_000),
  members: z.array(memberSchema).max(200).default([]),
  programme: z.array(programmeItemSchema).max(500).default([]),
  legs: z.array(travelLegSchema).max(200).default([]),
  gifts: z.array(plannedGiftSchema).max(200).default([]),
  checklist: z.array(checklistItemSchema).max(200).default([]),
});

type Path = (string | number)[];

/** One end of an item or leg: the wall clock in its zone, else the instant, else not yet known. */
function at(
  ctx: z.RefinementCtx,
  base: Path,
  keys: [string, string],
  date: string | undefined,
  t: string | undefined,
  iso: string | undefined,
  zone: string,
): Date | null {
  if (date === undefined && t === undefined) return iso === undefined ? null : new Date(iso);
  if (date === undefined || t === undefined) {
    ctx.addIssue({ code: "custom", path: [...base, date === undefined ? keys[0] : keys[1]], message: messageKey("required") });
    return null;
  }
  const r = zonedTimeToUtc(date, t, zone);
  if (!r) ctx.addIssue({ code: "custom", path: [...base, keys[0]], message: messageKey("notRealDateTime") });
  return r;
}

function ordered(ctx: z.RefinementCtx, path: Path, start: Date | null, end: Date | null) {
  if (start && end && end < start) ctx.addIssue({ code: "custom", path, message: messageKey("endsBefore") });
}

function resolve<T extends z.infer<typeof visitFields>>(v: T, ctx: z.RefinementCtx) {
  const startsOn = v.startsOn === undefined ? null : normaliseDate(v.startsOn, v.datePrecision);
  const endsOn = v.endsOn === undefined ? null : normaliseDate(v.endsOn, v.datePrecision);
  if (startsOn && endsOn && endsOn < startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: messageKey("endsBefore") });
  if (endsOn && !startsOn) ctx.addIssue({ code: "custom", path: ["startsOn"], message: messageKey("required") });
  if (new Set(v.partnerIds).size !== v.partnerIds.length) ctx.addIssue({ code: "custom", path: ["partnerIds"], message: messageKey("listedTwice") });
  const seen = new Set<number>();
  v.members.forEach((m, i) => {
    if (seen.has(m.personId)) ctx.addIssue({ code: "custom", path: ["members", i, "personId"], message: messageKey("listedTwice") });
    seen.add(m.personId);
  });

  const programme = v.programme.map((p, i) => {
    const { startDate, startTime, endDate, endTime, startsAt: _s, endsAt: _e, ...rest } = p;
    const startsAt = at(ctx, ["programme", i], ["startDate", "startTime"], startDate, startTime, p.startsAt, p.timeZone);
    const endsAt = at(ctx, ["programme", i], ["endDate", "endTime"], endTime === undefined ? endDate : (endDate ?? startDate), endTime, p.endsAt, p.timeZone);
    if (endsAt && !startsAt) ctx.addIssue({ code: "custom", path: ["programme", i, "startDate"], message: messageKey("required") });
    ordered(ctx, ["programme", i, "endTime"], startsAt, endsAt);
    return { ...rest, attendeeIds: [...new Set(p.attendeeIds)], startsAt, endsAt };
  });
  const legs = v.legs.map((l, i) => {
    const { departDate, departTime, arriveDate, arriveTime, departsAt: _d, arrivesAt: _a, ...rest } = l;
    const departsAt = at(ctx, ["legs", i], ["departDate", "departTime"], departDate, departTime, l.departsAt, l.fromTimeZone);
    const arrivesAt = at(ctx, ["legs", i], ["arriveDate", "arriveTime"], arriveDate, arriveTime, l.arrivesAt, l.toTimeZone);
    ordered(ctx, ["legs", i, "arriveTime"], departsAt, arrivesAt);
    return { ...rest, departsAt, arrivesAt };
  });
  return { ...v, startsOn, endsOn, programme, legs };
}

export const createVisitSchema = visitFields.transform(resolve);
export const updateVisitSchema = visitFields.extend({ version }).transform(resolve);

/** The ticking of one checklist item from the visit page, against the visit's version. */
export const tickChecklistSchema = z.object({ itemId: id, done: z.boolean(), version });

/** A planned gift recorded into the gift register as given at one of the visit's held meetings. */
export const recordPlannedGiftSchema = z.object({ plannedGiftId: id, meetingId: id, version });

export type CreateVisitInput = z.input<typeof createVisitSchema>;
export type CreateVisit = z.output<typeof createVisitSchema>;
export type VisitProgrammeInput = CreateVisit["programme"][number];

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blank, z.enum(values).optional());
const archivedFlag = z.preprocess((v) => (v === "1" || v === "true" || v === true ? true : v === "" || v == null || v === "0" || v === "false" ? false : v), z.boolean().default(false));

/** The API's list filters. */
export const visitListSchema = z.object({
  partner: optionalId,
  direction: optionalEnum(VISIT_DIRECTIONS),
  status: optionalEnum(VISIT_STATUSES),
  archived: archivedFlag,
});

/** The /visits screen's filters, from its URL. */
export const visitScreenSchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(200).optional()),
  partner: optionalId,
  direction: optionalEnum(VISIT_DIRECTIONS),
  status: optionalEnum(VISIT_STATUSES),
  period: z.preprocess(blank, z.enum(["upcoming", "past", "all"]).default("all")),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
});
