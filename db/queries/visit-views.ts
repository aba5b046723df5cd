import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { checklistItem, gift, meeting, partner, person, plannedGift, programmeAttendee, programmeItem, travelLeg, visit, visitMember, visitPartner } from "../schema";
import { NotFoundError } from "@/lib/errors";
import { repeatedGifts, type RegisterGift } from "@/lib/visits/gift-warnings";
import { matchesSearch } from "../search";
import { cursorPage } from "./paging";
import { pageSize } from "./common";
import { keptCount } from "../memo";
import { ON_PG } from "../dialect";
import { rawAll } from "../tx";
import type { VisitDetail } from "@/lib/types/visits";

// What the visit screens, the API, the partner page and the dashboard read about visits.

const partnerCols = { id: partner.id, slug: partner.slug, nameEn: partner.nameEn, nameKo: partner.nameKo, nameLocal: partner.nameLocal, timeZone: partner.timeZone };
const personCols = { id: person.id, nameEn: person.nameEn, nameLocal: person.nameLocal, title: person.title, side: person.side, partnerId: person.partnerId };

export async function getVisit(db: Db, id: number): Promise<VisitDetail> {
  const [row] = await db.select().from(visit).where(eq(visit.id, id));
  if (!row) throw new NotFoundError("Visit", id);
  const partners = await db
    .select(partnerCols)
    .from(visitPartner)
    .innerJoin(partner, eq(partner.id, visitPartner.partnerId))
    .where(eq(visitPartner.visitId, id))
    .orderBy(asc(visitPartner.position));
  const members = await db
    .select({ id: visitMember.id, personId: visitMember.personId, role: visitMember.role, titleAtTime: visitMember.titleAtTime, person: personCols })
    .from(visitMember)
    .innerJoin(person, eq(person.id, visitMember.personId))
    .where(eq(visitMember.visitId, id))
    .orderBy(asc(visitMember.id));
  const items = await db.select().from(programmeItem).where(eq(programmeItem.visitId, id)).orderBy(asc(programmeItem.startsAt), asc(programmeItem.id));
  const attendees = items.length
    ? await db.select().from(programmeAttendee).where(inArray(programmeAttendee.itemId, items.map((i) => i.id))).orderBy(asc(programmeAttendee.personId))
    : [];
  const legs = await db.select().from(travelLeg).where(eq(travelLeg.visitId, id)).orderBy(asc(travelLeg.departsAt), asc(travelLeg.id));
  const gifts = await db.select().from(plannedGift).where(eq(plannedGift.visitId, id)).orderBy(asc(plannedGift.id));
  const checklist = await db.select().from(checklistItem).where(eq(checklistItem.visitId, id)).orderBy(asc(checklistItem.position), asc(checklistItem.id));
  return {
    ...row,
    partnerIds: partners.map((p) => p.id),
    partners,
    members,
    programme: items.map((i) => ({ ...i, attendeeIds: attendees.filter((a) => a.itemId === i.id).map((a) => a.personId) })),
    legs,
    gifts,
    checklist: checklist.map((c) => ({ ...c, done: c.doneAt !== null })),
  };
}

export const VISIT_PERIODS = ["upcoming", "past", "all"] as const;
export type VisitPeriod = (typeof VISIT_PERIODS)[number];

export interface VisitFilters {
  q?: string;
  partnerId?: number;
  direction?: string;
  status?: string;
  period?: VisitPeriod;
  /** Today in the home zone, "YYYY-MM-DD": upcoming visits end on or after it. */
  today: string;
  page?: number;
  size?: number;
}

/**
 * Until when a visit runs: its last day, else its first; one still to be scheduled runs on. The
 * expression visit_live_until_idx holds, so "upcoming" is one index range.
 */
const until = sql`(case when ${visit.startsOn} is null then '9999-12-31' when ${visit.endsOn} is null then ${visit.startsOn} else ${visit.endsOn} end)`;

/** A visit is upcoming while it has not ended; one whose date is still to be scheduled is too. */
function upcoming(today: string): SQL {
  return gte(until, today);
}

function past(today: string): SQL {
  return lt(until, today);
}

function visitWhere(f: VisitFilters): SQL | undefined {
  const q = f.q?.trim();
  return and(
    isNull(visit.archivedAt),
    f.direction ? eq(visit.direction, f.direction) : undefined,
    f.status ? eq(visit.status, f.status) : undefined,
    f.partnerId ? sql`${visit.id} in (select ${visitPartner.visitId} from ${visitPartner} where ${visitPartner.partnerId} = ${f.partnerId})` : undefined,
    f.period === "upcoming" ? upcoming(f.today) : f.period === "past" ? lt(sql`coalesce(${visit.endsOn}, ${visit.startsOn})`, f.today) : undefined,
    q ? matchesSearch("visit", visit.id, q) : undefined,
  );
}

const listCols = {
  id: visit.id,
  title: visit.title,
  direction: visit.direction,
  status: visit.status,
  startsOn: visit.startsOn,
  endsOn: visit.endsOn,
  datePrecision: visit.datePrecision,
  partnerNameEn: partner.nameEn,
  partnerNameKo: partner.nameKo,
  partnerSlug: partner.slug,
};

/**
 * /visits: upcoming first (soonest first, then those to be scheduled), then the past, newest first.
 * Two reads instead of one sort of every visit: the upcoming are few (found by visit_live_until_idx),
 * the past are read newest first along visit_live_starts_idx and stop at the page's end.
 */
export async function listVisits(db: Db, f: VisitFilters) {
  const size = pageSize(f.size, 25);
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const offset = (page - 1) * size;
  const where = visitWhere(f);
  const read = () =>
    db.select(listCols).from(visit).leftJoin(visitPartner, and(eq(visitPartner.visitId, visit.id), eq(visitPartner.position, 0))).leftJoin(partner, eq(partner.id, visitPartner.partnerId));
  const { page: _p, size: _z, ...filters } = f;
  const soon =
    f.period === "past"
      ? 0
      : await keptCount(db, "visits-upcoming", filters, async () => (await db.select({ n: sql<number>`count(*)` }).from(visit).where(and(where, upcoming(f.today))))[0]?.n ?? 0);
  const rows =
    offset < soon
      ? await read()
          .where(and(where, upcoming(f.today)))
          .orderBy(sql`${visit.startsOn} is null`, asc(visit.startsOn), asc(visit.id))
          .limit(size)
          .offset(offset)
      : [];
  if (f.period !== "upcoming" && rows.length < size)
    rows.push(
      ...(await read()
        .where(and(where, past(f.today)))
        .orderBy(desc(visit.startsOn), desc(visit.id))
        .limit(size - rows.length)
        .offset(Math.max(0, offset - soon))),
    );
  const total =
    f.period === "upcoming"
      ? soon
      : page === 1 && rows.length < size
        ? rows.length
        : await keptCount(db, "visits", filters, async () => (await db.select({ n: sql<number>`count(*)` }).from(visit).where(where))[0]?.n ?? 0);
  return { rows, total, page, size };
}
export type VisitListItem = Awaited<ReturnType<typeof listVisits>>["rows"][number];

/** The API's list: the screen's filters over keyset pages, rows as stored. */
export async function visitCursorPage(db: Db, f: VisitCursorFilters & { limit?: number; cursor?: string }) {
  return cursorPage(visit.id, visitCursorWhere(f), f, async (w, order, limit) => await db.select().from(visit).where(w).orderBy(order).limit(limit));
}

type VisitCursorFilters = { partner?: number; direction?: string; status?: string; archived?: boolean };

/** The API visit list's filter (also read by the fast list path, list-rows.ts). */
export function visitCursorWhere(f: VisitCursorFilters) {
  return and(
    f.archived ? undefined : isNull(visit.archivedAt),
    f.direction ? eq(visit.direction, f.direction) : undefined,
    f.status ? eq(visit.status, f.status) : undefined,
    f.partner ? sql`${visit.id} in (select ${visitPartner.visitId} from ${visitPartner} where ${visitPartner.partnerId} = ${f.partner})` : undefined,
  );
}

const partnerVisitCols = { id: visit.id, title: visit.title, direction: visit.direction, status: visit.status, startsOn: visit.startsOn, endsOn: visit.endsOn, datePrecision: visit.datePrecision };
const partnerVisitOrder = [sql`${visit.startsOn} is null desc`, desc(visit.startsOn), desc(visit.id)];

/**
 * The visits of one partner, newest first (those to be scheduled before them), for its page: at
 * most `limit` (the page links to the rest). A partner with few visits has them read and sorted;
 * one that holds a large share of them (20,000 of 100,000 at 1M meetings: 16 ms to sort) has
 * them found by walking the visits' date index backwards, which stops after about
 * `limit` ÷ share visits. Which way is chosen by counts kept until a write (on SQLite; PostgreSQL
 * plans the join itself).
 */
export async function partnerVisits(db: Db, partnerId: number, limit: number) {
  const read = () => db.select(partnerVisitCols).from(visit);
  if (!ON_PG) {
    const [mine, all] = await Promise.all([
      keptCount(db, "partner-visit-links", { partnerId }, async () => (await db.select({ n: sql<number>`count(*)` }).from(visitPartner).where(eq(visitPartner.partnerId, partnerId)))[0]?.n ?? 0),
      keptCount(db, "visit-links", {}, async () => (await db.select({ n: sql<number>`count(*)` }).from(visitPartner))[0]?.n ?? 0),
    ]);
    if (mine >= PARTNER_WALK_FROM && mine * 100 >= all) {
      const ofPartner = sql`exists (select 1 from ${visitPartner} where ${visitPartner.visitId} = ${visit.id} and ${visitPartner.partnerId} = ${partnerId})`;
      const walked = (dated: boolean, n: number) =>
        rawAll<{ id: number }>(
          db,
          sql`select ${visit.id} as id from ${visit} indexed by visit_live_starts_idx where ${visit.archivedAt} is null and ${visit.startsOn} ${dated ? sql`is not null` : sql`is null`} and ${ofPartner} order by ${visit.startsOn} desc, ${visit.id} desc limit ${n}`,
        );
      const undated = await walked(false, limit);
      const ids = [...undated, ...(undated.length < limit ? await walked(true, limit - undated.length) : [])].map((r) => r.id);
      return ids.length ? await read().where(inArray(visit.id, ids)).orderBy(...partnerVisitOrder) : [];
    }
  }
  return await read()
    .innerJoin(visitPartner, eq(visit.id, visitPartner.visitId))
    .where(and(eq(visitPartner.partnerId, partnerId), isNull(visit.archivedAt)))
    .orderBy(...partnerVisitOrder)
    .limit(limit);
}

/** From how many visits a partner's page walks the date index for them (see partnerVisits). */
export const PARTNER_WALK_FROM = 1000;

/** The visit a meeting was held in, through its programme item. */
export async function visitOfMeeting(db: Db, meetingId: number) {
  const [row] = await db
    .select({ visitId: visit.id, title: visit.title, itemId: programmeItem.id, itemTitle: programmeItem.title })
    .from(programmeItem)
    .innerJoin(visit, eq(visit.id, programmeItem.visitId))
    .where(eq(programmeItem.meetingId, meetingId));
  return row ?? null;
}

/** The dashboard: the next visits, and our open checklist items, soonest due first. */
export async function visitsAhead(db: Db, today: string, limit = 5) {
  const next = await db
    .select({ id: visit.id, title: visit.title, direction: visit.direction, status: visit.status, startsOn: visit.startsOn, endsOn: visit.endsOn, datePrecision: visit.datePrecision })
    .from(visit)
    .where(and(isNull(visit.archivedAt), upcoming(today), sql`${visit.status} <> 'cancelled'`))
    .orderBy(sql`${visit.startsOn} is null`, asc(visit.startsOn), asc(visit.id))
    .limit(limit);
  const open = await db
    .select({ id: checklistItem.id, title: checklistItem.title, dueOn: checklistItem.dueOn, side: checklistItem.side, visitId: visit.id, visitTitle: visit.title })
    .from(checklistItem)
    .innerJoin(visit, eq(visit.id, checklistItem.visitId))
    .where(and(isNull(checklistItem.doneAt), isNull(visit.archivedAt), sql`${visit.status} not in ('completed', 'cancelled')`))
    .orderBy(sql`${checklistItem.dueOn} is null`, asc(checklistItem.dueOn), asc(checklistItem.id))
    .limit(limit * 2);
  return { next, open };
}

/** The gift register's gifts given to anyone of these partners (what a planned gift must not repeat). */
export async function givenGifts(db: Db, partnerIds: number[]): Promise<RegisterGift[]> {
  if (!partnerIds.length) return [];
  return db
    .select({ id: gift.id, item: gift.item, toPersonId: gift.toPersonId, partnerId: meeting.partnerId, meetingTitle: meeting.title, startsAt: meeting.startsAt, timeZone: meeting.timeZone })
    .from(gift)
    .innerJoin(meeting, eq(meeting.id, gift.meetingId))
    .where(and(inArray(meeting.partnerId, partnerIds), eq(gift.direction, "given"), isNull(gift.archivedAt), isNotNull(gift.item)))
    .orderBy(desc(meeting.startsAt));
}

/**
 * A visit's planned gifts that repeat the register, by planned gift id. A planned gift that
 * became a register entry is that entry, not a repeat of it.
 */
export async function visitGiftWarnings(db: Db, v: Pick<VisitDetail, "partnerIds" | "gifts">) {
  const register = await givenGifts(db, v.partnerIds);
  const out = new Map<number, RegisterGift[]>();
  for (const [i, hits] of repeatedGifts(v.gifts, register)) {
    const g = v.gifts[i]!;
    const others = hits.filter((h) => h.id !== g.giftId);
    if (others.length) out.set(g.id, others);
  }
  return out;
}

/** People a visit with these partners can list: our side and theirs, not archived. */
export async function visitPeopleOptions(db: Db, partnerIds: number[]) {
  return db
    .select(personCols)
    .from(person)
    .where(and(isNull(person.archivedAt), partnerIds.length ? or(eq(person.side, "home"), inArray(person.partnerId, partnerIds)) : eq(person.side, "home")))
    .orderBy(asc(person.side), asc(person.nameEn), asc(person.id));
}
export type VisitPersonOption = Awaited<ReturnType<typeof visitPeopleOptions>>[number];

/** Names of the people a visit mentions (attendees need not be delegation members). */
export async function peopleByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db.select(personCols).from(person).where(inArray(person.id, [...new Set(ids)]));
}

/** The meetings the programme became, by id, for their titles (and whether a gift can be given at them). */
export async function meetingTitles(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: meeting.id, title: meeting.title, status: meeting.status, archivedAt: meeting.archivedAt }).from(meeting).where(inArray(meeting.id, ids));
}

/**
 * The calendar feed's share of the visits, one partner's or all: scheduled programme items that
 * did not become a meeting (the meeting's own event stands for those), and travel legs with a
 * departure time. A partner's feed has the visits that partner takes part in.
 */
export async function visitCalendarData(db: Db, partnerId: number | null) {
  const inScope = and(
    isNull(visit.archivedAt),
    partnerId ? sql`exists (select 1 from ${visitPartner} where ${visitPartner.visitId} = ${visit.id} and ${visitPartner.partnerId} = ${partnerId})` : undefined,
  );
  const visitCols = { visitId: visit.id, visitTitle: visit.title, visitStatus: visit.status, version: visit.version, updatedAt: visit.updatedAt };
  const items = (await db
    .select({ id: programmeItem.id, title: programmeItem.title, startsAt: programmeItem.startsAt, endsAt: programmeItem.endsAt, timeZone: programmeItem.timeZone, place: programmeItem.place, notes: programmeItem.notes, ...visitCols })
    .from(programmeItem)
    .innerJoin(visit, eq(visit.id, programmeItem.visitId))
    .where(and(inScope, isNotNull(programmeItem.startsAt), isNull(programmeItem.meetingId)))
    .orderBy(asc(programmeItem.startsAt), asc(programmeItem.id)))
    .filter((i): i is typeof i & { startsAt: Date } => i.startsAt !== null);
  const legs = (await db
    .select({
      id: travelLeg.id,
      mode: travelLeg.mode,
      number: travelLeg.number,
      fromPlace: travelLeg.fromPlace,
      fromTimeZone: travelLeg.fromTimeZone,
      departsAt: travelLeg.departsAt,
      toPlace: travelLeg.toPlace,
      toTimeZone: travelLeg.toTimeZone,
      arrivesAt: travelLeg.arrivesAt,
      notes: travelLeg.notes,
      travellerEn: person.nameEn,
      travellerLocal: person.nameLocal,
      ...visitCols,
    })
    .from(travelLeg)
    .innerJoin(visit, eq(visit.id, travelLeg.visitId))
    .leftJoin(person, eq(person.id, travelLeg.personId))
    .where(and(inScope, isNotNull(travelLeg.departsAt)))
    .orderBy(asc(travelLeg.departsAt), asc(travelLeg.id)))
    .filter((l): l is typeof l & { departsAt: Date } => l.departsAt !== null);
  return { items, legs };
}
