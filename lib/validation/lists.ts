import { z } from "zod";
import {
  ACTION_PRIORITIES,
  ACTION_SIDES,
  ACTION_STATUSES,
  GIFT_DIRECTIONS,
  MEETING_KINDS,
  MEETING_STATUSES,
  MILESTONE_KINDS,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PERSON_SIDES,
  RELATIONSHIP_LEVELS,
} from "@/lib/domain";
import { optionalId, optionalIsoDate } from "./common";
import { ACTION_DUE_FILTERS } from "./list-params";

export { ACTION_DUE_FILTERS, ACTION_LIST_PARAMS, MEETING_LIST_PARAMS, PARTNER_LIST_PARAMS, PERSON_LIST_PARAMS, paramsRecord } from "./list-params";

// The filters of each list, shared by the screens (URL search params) and the API's list
// endpoints (query string), so both accept and refuse the same things. Empty values mean "any".

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(blank, z.enum(values).optional());
const q = z.preprocess(blank, z.string().trim().max(200).optional());
const flag = z.preprocess((v) => (v === "1" || v === "true" || v === true ? true : v === "" || v == null || v === "0" || v === "false" ? false : v), z.boolean().default(false));
const page = z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1));

export const partnerListSchema = z.object({
  q,
  status: optionalEnum(PARTNER_STATUSES),
  level: optionalEnum(RELATIONSHIP_LEVELS),
  kind: optionalEnum(PARTNER_KINDS),
  country: z.preprocess(blank, z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional()),
  archived: flag,
  sort: optionalEnum(["since", "name", "recent"] as const),
  page,
});

export const personListSchema = z.object({
  q,
  partner: optionalId,
  side: optionalEnum(PERSON_SIDES),
  archived: flag,
  sort: optionalEnum(["name", "recent"] as const),
  page,
});

export const actionListSchema = z.object({
  q,
  partner: optionalId,
  status: optionalEnum([...ACTION_STATUSES, "unfinished"] as const),
  side: optionalEnum(ACTION_SIDES),
  priority: optionalEnum(ACTION_PRIORITIES),
  owner: optionalId,
  meeting: optionalId,
  due: optionalEnum(ACTION_DUE_FILTERS),
  from: optionalIsoDate,
  to: optionalIsoDate,
  archived: flag,
  sort: optionalEnum(["due", "recent", "priority", "title"] as const),
  page,
});

export const meetingListSchema = z.object({
  q,
  partner: optionalId,
  kind: optionalEnum(MEETING_KINDS),
  status: optionalEnum(MEETING_STATUSES),
  from: optionalIsoDate,
  to: optionalIsoDate,
  archived: flag,
});

export const MEETING_SORTS = ["starts_desc", "starts_asc", "title"] as const;
/**
 * The meetings screen's list (its URL and GET /meetings/list.json): the API's filters, but the
 * partner by slug (the addresses people share read /meetings?partner=chongqing), with a sort and a page.
 */
export const meetingScreenListSchema = meetingListSchema.omit({ partner: true, archived: true }).extend({
  partner: z.preprocess(blank, z.string().regex(/^[a-z0-9-]{1,80}$/).optional()),
  sort: optionalEnum(MEETING_SORTS),
  page,
});

export const giftListSchema = z.object({
  partner: optionalId,
  meeting: optionalId,
  direction: optionalEnum(GIFT_DIRECTIONS),
  archived: flag,
});

export const milestoneListSchema = z.object({
  partner: optionalId,
  kind: optionalEnum(MILESTONE_KINDS),
  from: optionalIsoDate,
  to: optionalIsoDate,
  archived: flag,
});

/** The API's paging parameters; `limit` is capped at MAX_PAGE_SIZE by the query layer. */
export const cursorSchema = z.object({
  limit: z.preprocess(blank, z.coerce.number().int().min(1).optional()),
  cursor: z.preprocess(blank, z.string().max(200).optional()),
});

export type PartnerListParams = z.output<typeof partnerListSchema>;
export type PersonListParams = z.output<typeof personListSchema>;
export type ActionListParams = z.output<typeof actionListSchema>;
/** The API's meeting filters (the screen's list params are MeetingListParams in lib/types/lists). */
export type MeetingApiFilters = z.output<typeof meetingListSchema>;
export type GiftListParams = z.output<typeof giftListSchema>;
export type MilestoneListParams = z.output<typeof milestoneListSchema>;

/** Parses list params leniently for a page: an invalid filter is dropped rather than failing the page. */
export function parseListParams<S extends z.ZodObject>(schema: S, raw: Record<string, string>): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const bad = new Set(r.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  return schema.parse(kept);
}
