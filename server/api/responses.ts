import { createSelectSchema } from "drizzle-zod";
import { z } from "zod";
import { action, apiToken, checklistItem, gift, meeting, milestone, participant, partner, person, plannedGift, programmeItem, travelLeg, visit, visitMember } from "@/db/schema";
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
  ACTION_SIDES as CHECKLIST_SIDES,
  DELEGATION_ROLES,
  PROGRAMME_KINDS,
  TRAVEL_MODES,
  VISIT_DIRECTIONS,
  VISIT_STATUSES,
} from "@/lib/domain";

// What the API answers, record by record: zod schemas made from the Drizzle tables (so a nullable
// column is nullable here), with the closed vocabularies and instants spelled out. The handlers
// encode every answer through these (unknown keys dropped, Dates to ISO strings), and the OpenAPI
// document is generated from the same objects, so the two cannot disagree.

/** The named response schemas, emitted once each under components.schemas. */
export const apiSchemas = z.registry<{ id: string }>();

/** An instant: a Date in the code, an ISO 8601 UTC string on the wire. */
const instant = z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });
const stamps = { createdAt: instant, updatedAt: instant, archivedAt: instant.nullable() };
const day = z.iso.date();

export const partnerRecord = createSelectSchema(partner, {
  ...stamps,
  kind: z.enum(PARTNER_KINDS),
  level: z.enum(RELATIONSHIP_LEVELS),
  status: z.enum(PARTNER_STATUSES),
  sinceDate: day.nullable().describe("First day of the period `sincePrecision` names: 2008 is 2008-01-01 with precision year."),
  sincePrecision: z.enum(DATE_PRECISIONS).nullable(),
}).register(apiSchemas, { id: "Partner" });

export const personRecord = createSelectSchema(person, { ...stamps, side: z.enum(PERSON_SIDES) }).register(apiSchemas, { id: "Person" });

export const meetingRecord = createSelectSchema(meeting, {
  ...stamps,
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  startsAt: instant.describe("The start as a UTC instant; timeZone is the IANA zone it happened in."),
}).register(apiSchemas, { id: "Meeting" });

export const actionRecord = createSelectSchema(action, {
  ...stamps,
  side: z.enum(ACTION_SIDES),
  status: z.enum(ACTION_STATUSES),
  priority: z.enum(ACTION_PRIORITIES),
  dueOn: day.nullable(),
  completedAt: instant.nullable(),
  position: (s) => s.describe("Order within its board column (smaller is higher)."),
}).register(apiSchemas, { id: "Action" });

export const giftRecord = createSelectSchema(gift, {
  ...stamps,
  direction: z.enum(GIFT_DIRECTIONS),
  disposition: z.enum(GIFT_DISPOSITIONS).nullable(),
  declaredOn: day.nullable(),
  estimatedValue: (s) => s.describe("null with currency null: not yet valued."),
}).register(apiSchemas, { id: "Gift" });

export const milestoneRecord = createSelectSchema(milestone, {
  ...stamps,
  kind: z.enum(MILESTONE_KINDS),
  date: day.describe("First day of the period datePrecision names."),
  datePrecision: z.enum(DATE_PRECISIONS),
  expiresOn: day.nullable(),
}).register(apiSchemas, { id: "Milestone" });

const participantRecord = createSelectSchema(participant, { createdAt: instant, updatedAt: instant, role: z.enum(PARTICIPANT_ROLES) });

/** GET /meetings/{id}: the meeting with its partner, participants, gifts and follow-ups. */
export const meetingDetail = meetingRecord
  .extend({
    partner: partnerRecord.pick({ id: true, slug: true, nameEn: true, nameKo: true, nameLocal: true, timeZone: true }),
    participants: z.array(participantRecord.extend({ person: personRecord })),
    gifts: z.array(giftRecord.extend({ fromPerson: personRecord.nullable(), toPerson: personRecord.nullable() })),
    actions: z.array(actionRecord.extend({ ownerPerson: personRecord.nullable() })),
  })
  .register(apiSchemas, { id: "MeetingDetail" });

export const visitRecord = createSelectSchema(visit, {
  ...stamps,
  direction: z.enum(VISIT_DIRECTIONS),
  status: z.enum(VISIT_STATUSES),
  startsOn: day.nullable().describe("First day of the period datePrecision names; null while the date is to be scheduled."),
  endsOn: day.nullable(),
  datePrecision: z.enum(DATE_PRECISIONS),
}).register(apiSchemas, { id: "Visit" });

/** GET /visits/{id}: the visit with its partners, delegation, programme, travel legs, gifts and checklist. */
export const visitDetail = visitRecord
  .extend({
    partnerIds: z.array(z.number().int()),
    partners: z.array(partnerRecord.pick({ id: true, slug: true, nameEn: true, nameKo: true, nameLocal: true, timeZone: true })),
    members: z.array(
      createSelectSchema(visitMember, { role: z.enum(DELEGATION_ROLES) })
        .omit({ visitId: true })
        .extend({ person: personRecord.pick({ id: true, nameEn: true, nameLocal: true, title: true, side: true, partnerId: true }) }),
    ),
    programme: z.array(
      createSelectSchema(programmeItem, {
        kind: z.enum(PROGRAMME_KINDS),
        startsAt: instant.nullable().describe("UTC instant; timeZone is the place's IANA zone. null while not yet scheduled."),
        endsAt: instant.nullable(),
        meetingId: (s) => s.describe("The meeting this item became once held."),
      })
        .omit({ visitId: true })
        .extend({ attendeeIds: z.array(z.number().int()) }),
    ),
    legs: z.array(
      createSelectSchema(travelLeg, { mode: z.enum(TRAVEL_MODES), departsAt: instant.nullable().describe("In fromTimeZone."), arrivesAt: instant.nullable().describe("In toTimeZone.") }).omit({
        visitId: true,
      }),
    ),
    gifts: z.array(createSelectSchema(plannedGift, { giftId: (s) => s.describe("The gift register's entry once given.") }).omit({ visitId: true })),
    checklist: z.array(createSelectSchema(checklistItem, { side: z.enum(CHECKLIST_SIDES), dueOn: day.nullable(), doneAt: instant.nullable() }).omit({ visitId: true }).extend({ done: z.boolean() })),
  })
  .register(apiSchemas, { id: "VisitDetail" });

export const meResponse = z
  .object({
    data: z.object({
      kind: z.enum(["user", "token"]),
      userId: z.string().nullable(),
      label: z.string(),
      role: z.enum(ROLES),
    }),
  })
  .register(apiSchemas, { id: "Me" });

export const tokenRecord = createSelectSchema(apiToken, { createdAt: instant, lastUsedAt: instant.nullable(), revokedAt: instant.nullable(), role: z.enum(ROLES), scope: z.enum(TOKEN_SCOPES) })
  .pick({ id: true, name: true, role: true, scope: true, prefix: true, partnerId: true, createdAt: true, lastUsedAt: true, revokedAt: true })
  .register(apiSchemas, { id: "ApiToken" });
export const tokenList = z.object({ data: z.array(tokenRecord) }).register(apiSchemas, { id: "TokenList" });
export const createdToken = z
  .object({
    data: tokenRecord.pick({ id: true, name: true, role: true, scope: true, prefix: true }).extend({ token: z.string().describe("The secret, shown this once.") }),
  })
  .register(apiSchemas, { id: "CreatedToken" });

/** A page of a list. */
export const page = <S extends z.ZodType>(row: S) => z.object({ data: z.array(row), next_cursor: z.string().nullable() });

/**
 * The answer as it goes on the wire, checked against its schema at run time (a row whose columns
 * are typed loosely, such as role as text, is still held to the closed vocabulary).
 */
export function answer<S extends z.ZodType>(schema: S, value: unknown): z.input<S> {
  return z.encode(schema, value as z.output<S>);
}

/**
 * The list rows' fast encoder: the schema's keys in its order, instants as ISO strings, nothing
 * else. z.encode walked every field of every row through zod (a third of a list request's time
 * in the profile); a list's rows are straight table rows, so the OpenAPI test (ajv against the
 * document, on real answers) checks what zod checked here, and details keep answer().
 */
export function listEncoder(schema: z.ZodType): (row: Record<string, unknown>) => Record<string, unknown> {
  const keys = recordKeys(schema);
  return (row) => {
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = row[k];
      out[k] = v instanceof Date ? v.toISOString() : v;
    }
    return out;
  };
}

/** A record schema's keys, in the order the answers list them. */
export function recordKeys(schema: z.ZodType): string[] {
  return Object.keys((schema as unknown as z.ZodObject).shape);
}
