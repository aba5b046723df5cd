import { and, asc, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from "drizzle-orm";
import { isoDatePlus, likeCi } from "../dialect";
import type { Db } from "../client";
import { visit, visitPartner } from "../schema";
import { keptCount, memoAggregate } from "../memo";
import type { DatePrecision, VisitDirection, VisitStatus } from "@/lib/domain";
import { DAY, isoDay, type TimelineFilters, type TimelineVisit } from "@/lib/timeline";
import { visitSpan } from "@/lib/timeline-geometry";

// The visits the timeline draws as spans, read per period and lane (never the whole table).

/**
 * Above this many visits in the period, visits are drawn as counted buckets per partner and
 * month (or year), like meetings: a decade of a busy office's visits is thousands of spans, and
 * every one of them would go to the browser with the page.
 */
export const MAX_VISIT_SPANS = 300;

/** Visits to be scheduled listed under the timeline; the rest are counted and linked. */
export const UNSCHEDULED_LISTED = 20;

const cols = {
  id: visit.id,
  laneId: visitPartner.partnerId,
  title: visit.title,
  direction: visit.direction,
  status: visit.status,
  startsOn: visit.startsOn,
  endsOn: visit.endsOn,
  precision: visit.datePrecision,
};

type Row = { id: number; laneId: number; title: string; direction: string; status: string; startsOn: string | null; endsOn: string | null; precision: string };

function toVisit(r: Row): TimelineVisit | null {
  if (!r.startsOn) return null;
  const precision = r.precision as DatePrecision;
  const span = visitSpan(r.startsOn, r.endsOn, precision);
  if (!span) return null;
  return { ...r, direction: r.direction as VisitDirection, status: r.status as VisitStatus, startsOn: r.startsOn, precision, ...span };
}

/** Visits are drawn unless the event filter leaves them out ("Visit" keeps them, with visit meetings). */
export function wantsVisits(f: TimelineFilters) {
  return !f.kinds.length || f.kinds.includes("visit");
}

function textWhere(f: TimelineFilters) {
  const q = f.q?.replace(/[%_\\]/g, "");
  return q ? likeCi(visit.title, `%${q}%`) : undefined;
}

/**
 * Dated visits of these lanes whose period overlaps [from, to) (a "2019-11" visit spans November):
 * the stored first day is before `to` and the day after the last is after `from`.
 */
function overlapWhere(f: TimelineFilters, laneIds: number[], from: number, to: number): SQL | undefined {
  return and(inArray(visitPartner.partnerId, laneIds), visitOverlaps(f, from, to));
}

/** overlapWhere's conditions on the visit alone. */
function visitOverlaps(f: TimelineFilters, from: number, to: number): SQL | undefined {
  const last = sql`coalesce(${visit.endsOn}, ${visit.startsOn})`;
  return and(
    isNull(visit.archivedAt),
    isNotNull(visit.startsOn),
    lt(visit.startsOn, isoDay(to)),
    // A period ends at most a year after its stored day: a cheap bound the index can use first.
    gte(last, isoDay(from - 366 * DAY)),
    sql`case ${visit.datePrecision} when 'year' then ${isoDatePlus(last, "year")} when 'month' then ${isoDatePlus(last, "month")} else ${isoDatePlus(last, "day")} end > ${isoDay(from)}`,
    textWhere(f),
  );
}

/** A visit of one of these lanes (for reads that walk the visits' date index). */
function onLanes(laneIds: number[]): SQL {
  return sql`exists (select 1 from ${visitPartner} where ${visitPartner.visitId} = ${visit.id} and ${inArray(visitPartner.partnerId, laneIds)})`;
}

/** A visit's first lane of these (a visit of several partners is listed once, on it). */
function firstLane(laneIds: number[]): SQL<number | null> {
  return sql<number | null>`(select min(${visitPartner.partnerId}) from ${visitPartner} where ${visitPartner.visitId} = ${visit.id} and ${inArray(visitPartner.partnerId, laneIds)})`;
}

/**
 * Dated visits of these lanes that overlap [from, to), one row per visit and partner, in date
 * order; null when more than `limit` visits overlap (the chart then draws visitBuckets instead).
 * The visits are found off their date index, so a busy decade costs `limit` rows, not the table.
 */
export async function timelineVisits(db: Db, f: TimelineFilters, laneIds: number[], from: number, to: number, limit = MAX_VISIT_SPANS): Promise<TimelineVisit[] | null> {
  if (!laneIds.length || !wantsVisits(f)) return [];
  const found = await db
    .select({ id: visit.id })
    .from(visit)
    .where(and(visitOverlaps(f, from, to), onLanes(laneIds)))
    .orderBy(asc(visit.startsOn), asc(visit.id))
    .limit(limit + 1);
  if (found.length > limit) return null;
  if (!found.length) return [];
  const rows = await db
    .select(cols)
    .from(visitPartner)
    .innerJoin(visit, sql`${visit.id} = ${visitPartner.visitId}`)
    .where(and(inArray(visitPartner.visitId, found.map((r) => r.id)), inArray(visitPartner.partnerId, laneIds)))
    .orderBy(asc(visit.startsOn), asc(visit.id), asc(visitPartner.partnerId));
  return rows.map(toVisit).filter((v): v is TimelineVisit => v !== null && v.end > from && v.t < to);
}

/**
 * How many (visit, lane) pairs overlap the period: the visits of these lanes, a visit of two lanes
 * twice. Kept until any write (keyed like visitMonths), so a timeline knows without walking the
 * visits' date index that it will draw buckets.
 */
export async function laneVisitCount(db: Db, f: TimelineFilters, laneIds: number[], from: number, to: number): Promise<number> {
  if (!laneIds.length || !wantsVisits(f)) return 0;
  return await keptCount(db, "timeline-lane-visits", { laneIds, q: f.q ?? "", from, to }, async () =>
    Number((await db.select({ n: sql<number>`count(*)` }).from(visitPartner).innerJoin(visit, sql`${visit.id} = ${visitPartner.visitId}`).where(overlapWhere(f, laneIds, from, to)))[0]?.n ?? 0),
  );
}

/**
 * The period's visits counted per partner and month of their first day ("YYYY-MM"), for a period
 * with more than MAX_VISIT_SPANS of them; a visit that began before the period counts in its
 * first month. timelineData rolls them up into buckets as it does the meeting months
 * (bucketsFromMonths). Kept until any write, like the meeting months.
 */
export async function visitMonths(db: Db, f: TimelineFilters, laneIds: number[], from: number, to: number): Promise<{ laneId: number; month: string; count: number }[]> {
  if (!laneIds.length || !wantsVisits(f)) return [];
  const month = sql<string>`substr(${visit.startsOn}, 1, 7)`;
  const rows = await memoAggregate(db, `timeline:visit-months:${laneIds.join(",")}:${f.q ?? ""}:${from}:${to}`, async () =>
    await db
      .select({ laneId: visitPartner.partnerId, month, count: sql<number>`count(*)` })
      .from(visitPartner)
      .innerJoin(visit, sql`${visit.id} = ${visitPartner.visitId}`)
      .where(overlapWhere(f, laneIds, from, to))
      .groupBy(visitPartner.partnerId, month),
  );
  const first = isoDay(from).slice(0, 7);
  return rows.map((r) => ({ laneId: r.laneId, month: r.month < first ? first : r.month, count: Number(r.count) }));
}

/**
 * For the list of a period drawn with visit buckets: each year's count of visits (a visit of two
 * partners once), by the year of its first day, or the period's first year for one that began
 * before it.
 */
export async function visitYearCounts(db: Db, f: TimelineFilters, laneIds: number[], from: number, to: number): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!laneIds.length || !wantsVisits(f)) return out;
  const year = sql<string>`substr(${visit.startsOn}, 1, 4)`;
  const rows = await memoAggregate(db, `timeline:visit-years:${laneIds.join(",")}:${f.q ?? ""}:${from}:${to}`, async () =>
    await db
      .select({ year, count: sql<number>`count(distinct ${visit.id})` })
      .from(visitPartner)
      .innerJoin(visit, sql`${visit.id} = ${visitPartner.visitId}`)
      .where(overlapWhere(f, laneIds, from, to))
      .groupBy(year),
  );
  const first = new Date(from).getUTCFullYear();
  for (const r of rows) {
    const y = Math.max(Number(r.year), first);
    out.set(y, (out.get(y) ?? 0) + Number(r.count));
  }
  return out;
}

/**
 * The first `limit` visits of one year of the list (each once, on its first lane), for a period
 * drawn with visit buckets: those whose first day is in [yFrom, yTo), and in the period's first
 * year also those that began before the period.
 */
export async function visitsOfYear(db: Db, f: TimelineFilters, laneIds: number[], period: { from: number; to: number }, yFrom: number, yTo: number, limit: number): Promise<TimelineVisit[]> {
  if (!laneIds.length || !wantsVisits(f)) return [];
  // Read off the visits' (starts_on, id) index in list order, so a year costs its first rows only.
  const lane = firstLane(laneIds);
  const rows = await db
    .select({ ...cols, laneId: lane })
    .from(visit)
    .where(and(visitOverlaps(f, period.from, period.to), lt(visit.startsOn, isoDay(yTo)), yFrom > period.from ? gte(visit.startsOn, isoDay(yFrom)) : undefined, onLanes(laneIds)))
    .orderBy(asc(visit.startsOn), asc(visit.id))
    .limit(limit);
  return rows.flatMap((r) => {
    const v = r.laneId === null ? null : toVisit({ ...r, laneId: Number(r.laneId) });
    return v ? [v] : [];
  });
}

/**
 * Visits still "to be scheduled" (no date) on these lanes, listed below the chart, not drawn: the
 * first `limit` by id, each once (on its first lane), and how many there are in all.
 */
export async function unscheduledVisits(
  db: Db,
  f: TimelineFilters,
  laneIds: number[],
  limit = UNSCHEDULED_LISTED,
): Promise<{ rows: Omit<TimelineVisit, "t" | "end" | "startsOn">[]; total: number }> {
  if (!laneIds.length || !wantsVisits(f)) return { rows: [], total: 0 };
  const where = and(isNull(visit.archivedAt), isNull(visit.startsOn), textWhere(f), onLanes(laneIds));
  const lane = firstLane(laneIds);
  const rows = await db
    .select({ ...cols, laneId: lane })
    .from(visit)
    .where(where)
    .orderBy(asc(visit.id))
    .limit(limit);
  const total = Number((await db.select({ n: sql<number>`count(*)` }).from(visit).where(where))[0]!.n);
  return { rows: rows.map((r) => ({ ...r, laneId: Number(r.laneId), direction: r.direction as VisitDirection, status: r.status as VisitStatus, precision: r.precision as DatePrecision })), total };
}

/**
 * Visits that count as contact for the lanes' quiet stretches: held (under way or completed).
 * Kept like the meeting months until any write, so a visit saved or edited shows at once.
 */
export async function visitContact(db: Db, laneIds: number[]): Promise<{ partnerId: number; from: number; to: number }[]> {
  const rows = await memoAggregate(db, `timeline:visit-contact:${laneIds.join(",")}`, async () =>
    await db
      .select(cols)
      .from(visitPartner)
      .innerJoin(visit, sql`${visit.id} = ${visitPartner.visitId}`)
      .where(and(inArray(visitPartner.partnerId, laneIds), isNull(visit.archivedAt), isNotNull(visit.startsOn), inArray(visit.status, ["under_way", "completed"])))
      .limit(MAX_VISIT_SPANS * 10),
  );
  return rows.flatMap((r) => {
    const v = toVisit(r);
    return v ? [{ partnerId: v.laneId, from: v.t, to: v.end }] : [];
  });
}
