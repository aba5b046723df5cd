import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { meeting, milestone, partner } from "../schema";
import { partnerLane, partnerLaneColumns } from "./columns";
import { memoAggregate } from "../memo";
import { matchesSearch } from "../search";
import type { DatePrecision, MeetingKind, MilestoneKind } from "@/lib/domain";
import {
  DAY,
  dayMs,
  isoDay,
  periodEnd,
  type TimelineBucket,
  type TimelineData,
  type TimelineFilters,
  type TimelineLane,
  type TimelineMark,
  type TimelineVisit,
} from "@/lib/timeline";
import { isoDatePlus, likeCi, monthKey } from "../dialect";
import { fitPeriod } from "@/lib/timeline-geometry";
import { laneVisitCount, MAX_VISIT_SPANS, timelineVisits, visitContact, visitMonths, visitsOfYear, visitYearCounts } from "./timeline-visits";
import { monthsWithMeetings } from "./timeline-months";
import type { TimelineListYear } from "@/lib/types/timeline-list";

/** Above this many meetings in the period, meetings are drawn as counted buckets. */
export const MAX_MEETING_MARKS = 400;
/** Bucket per month while the buckets stay below this, else per year. */
const MAX_BUCKETS = 600;
/** A stretch this long without a held meeting or a milestone draws the lane dashed. */
export const QUIET_DAYS = 365;

const MONTH_KEY = monthKey(meeting.startsAt);

export interface TimelineOptions {
  /** "Today" in the viewer's zone, "YYYY-MM-DD". */
  today: string;
  /** Only this partner (the partner page's timeline); overrides filters.partners. */
  partnerId?: number;
}

/**
 * The partners drawn as lanes, oldest partnership first, with their quiet stretches. Kept until
 * any write (memoAggregate): the stretches come from every held meeting's month, every milestone
 * and every held visit, which is the same answer for every request until something changes.
 */
export async function timelineLanes(db: Db, f: Pick<TimelineFilters, "partners">, o: TimelineOptions): Promise<TimelineLane[]> {
  return memoAggregate(db, `timeline:lanes:${o.partnerId ?? ""}:${f.partners.join(",")}:${o.today}`, () => readLanes(db, f, o));
}

async function readLanes(db: Db, f: Pick<TimelineFilters, "partners">, o: TimelineOptions): Promise<TimelineLane[]> {
  const rows = await db
    .select({
      ...partnerLaneColumns,
      createdAt: partner.createdAt,
    })
    .from(partner)
    .where(
      and(
        isNull(partner.archivedAt),
        o.partnerId !== undefined ? eq(partner.id, o.partnerId) : f.partners.length ? inArray(partner.slug, f.partners) : undefined,
      ),
    )
    .orderBy(sql`${partner.sinceDate} is null`, asc(partner.sinceDate), asc(partner.nameEn));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const today = dayMs(o.today)!;

  // Contact per partner and month: enough to find year-long silences without reading every meeting.
  const contact = await memoAggregate(db, `timeline:contact:${ids.join(",")}`, async () =>
    (await monthsWithMeetings(db, ids, { where: eq(meeting.status, "held"), count: false })).map((m) => ({ partnerId: m.laneId, month: m.month })),
  );
  const ms = await db
    .select({ partnerId: milestone.partnerId, date: milestone.date, precision: milestone.datePrecision })
    .from(milestone)
    .where(and(inArray(milestone.partnerId, ids), isNull(milestone.archivedAt)));
  const touches = new Map<number, { from: number; to: number }[]>();
  const touch = (id: number, from: number, to: number) => {
    const list = touches.get(id) ?? [];
    list.push({ from, to });
    touches.set(id, list);
  };
  for (const c of contact) touch(c.partnerId, dayMs(`${c.month}-01`)!, periodEnd(`${c.month}-01`, "month"));
  for (const m of ms) if (dayMs(m.date) !== null) touch(m.partnerId, dayMs(m.date)!, periodEnd(m.date, m.precision as DatePrecision));
  for (const v of await visitContact(db, ids)) touch(v.partnerId, v.from, v.to);

  return rows.map((r) => {
    const lane = partnerLane(r);
    const precision = lane.sincePrecision;
    const start = r.sinceDate && dayMs(r.sinceDate) !== null ? dayMs(r.sinceDate)! : Date.UTC(r.createdAt.getUTCFullYear(), r.createdAt.getUTCMonth(), r.createdAt.getUTCDate());
    const spans = (touches.get(r.id) ?? []).filter((s) => s.from < today).sort((a, b) => a.from - b.from);
    const quiet: [number, number][] = [];
    let cursor = precision ? periodEnd(isoDay(start), precision) : start;
    for (const s of spans) {
      if (s.from - cursor >= QUIET_DAYS * DAY) quiet.push([cursor, s.from]);
      cursor = Math.max(cursor, s.to);
    }
    if (today - cursor >= QUIET_DAYS * DAY || (r.status === "dormant" && cursor < today)) quiet.push([cursor, today]);
    return {
      ...lane,
      start,
      quiet,
    };
  });
}

function wants(f: TimelineFilters, kind: string) {
  return !f.kinds.length || f.kinds.includes(kind as never);
}

function kindWhere(f: TimelineFilters): SQL | undefined {
  const kinds = f.kinds.filter((k) => k !== "milestone");
  return f.kinds.length ? inArray(meeting.kind, kinds.length ? kinds : ["-"]) : undefined;
}

function meetingWhere(f: TimelineFilters, laneIds: number[], from: number, to: number): SQL | undefined {
  return and(
    inArray(meeting.partnerId, laneIds),
    isNull(meeting.archivedAt),
    gte(meeting.startsAt, new Date(from)),
    lt(meeting.startsAt, new Date(to)),
    kindWhere(f),
    f.q ? matchesSearch("meeting", meeting.id, f.q) : undefined,
  );
}

function milestoneWhere(f: TimelineFilters, laneIds: number[], from: number, to: number): SQL | undefined {
  const q = f.q?.replace(/[%_\\]/g, "");
  return and(
    inArray(milestone.partnerId, laneIds),
    isNull(milestone.archivedAt),
    // A milestone belongs to the period when any day of it does ("2008" is in 2008-06).
    lt(milestone.date, isoDay(to)),
    sql`case ${milestone.datePrecision} when 'year' then ${isoDatePlus(milestone.date, "year")} when 'month' then ${isoDatePlus(milestone.date, "month")} else ${isoDatePlus(milestone.date, "day")} end > ${isoDay(from)}`,
    q ? or(likeCi(milestone.title, `%${q}%`), likeCi(milestone.notes, `%${q}%`)) : undefined,
  );
}

/** The drawn period: the filter's, else "Fit all": the first lane's start to today, padded (fitPeriod). */
const FIRST_DAY = new Date("0001-01-01T00:00:00Z").getTime();
const LAST_DAY = new Date("9999-12-31T00:00:00Z").getTime();

export function timelinePeriod(f: TimelineFilters, lanes: TimelineLane[], today: string): { from: number; to: number } {
  const t = dayMs(today)!;
  const first = lanes.length ? Math.min(...lanes.map((l) => l.start)) : t - 365 * DAY;
  const fit = fitPeriod(first, t);
  const from = f.from ? dayMs(f.from)! : fit.from;
  const to = f.to ? dayMs(f.to)! + DAY : fit.to;
  // Within the years 1–9999, which every engine and JavaScript's ISO dates can write.
  const lo = Math.max(from, FIRST_DAY);
  return { from: lo, to: Math.min(Math.max(to, lo + DAY), LAST_DAY) };
}

function markFromMilestone(m: { id: number; partnerId: number; kind: string; date: string; datePrecision: string; title: string }): TimelineMark {
  const precision = m.datePrecision as DatePrecision;
  return {
    type: "milestone",
    id: m.id,
    laneId: m.partnerId,
    kind: m.kind as MilestoneKind,
    t: dayMs(m.date) ?? 0,
    end: periodEnd(m.date, precision),
    date: m.date,
    precision,
    title: m.title,
  };
}

/**
 * What the chart draws for the filters: lanes, milestones, and meetings either one by one or,
 * when the period holds more than MAX_MEETING_MARKS, counted per partner and month (or year).
 */
export async function timelineData(db: Db, f: TimelineFilters, o: TimelineOptions): Promise<TimelineData> {
  const lanes = await timelineLanes(db, f, o);
  const { from, to } = timelinePeriod(f, lanes, o.today);
  const ids = lanes.map((l) => l.id);
  const base: TimelineData = { lanes, from, to, today: dayMs(o.today)!, marks: [], buckets: [], visits: [], visitBuckets: [], meetingCount: 0 };
  if (!ids.length) return base;
  const unit = Math.ceil((to - from) / (30.44 * DAY)) * lanes.length <= MAX_BUCKETS ? "month" : "year";
  // The kept count first, as the meeting months are for meetings: a visit counts once per lane it
  // is on, so more than MAX_VISIT_SPANS per lane is certainly too many to draw one by one, and the
  // walk of the visits' date index (which passes every other partner's visits of the period: 60 ms
  // for one partner's page at 1M meetings) is skipped.
  const visits = (await laneVisitCount(db, f, ids, from, to)) > MAX_VISIT_SPANS * ids.length ? null : await timelineVisits(db, f, ids, from, to, MAX_VISIT_SPANS);
  if (visits) base.visits = visits;
  else base.visitBuckets = bucketsFromMonths(await visitMonths(db, f, ids, from, to), unit);

  if (wants(f, "milestone"))
    base.marks = (await db
      .select({ id: milestone.id, partnerId: milestone.partnerId, kind: milestone.kind, date: milestone.date, datePrecision: milestone.datePrecision, title: milestone.title })
      .from(milestone)
      .where(milestoneWhere(f, ids, from, to))
      .orderBy(asc(milestone.date))
      .limit(2000))
      .map(markFromMilestone);

  const meetingsWanted = !f.kinds.length || f.kinds.some((k) => k !== "milestone");
  if (!meetingsWanted) return base;
  const where = meetingWhere(f, ids, from, to);
  const months = await meetingMonths(db, f, ids, from, to);
  base.meetingCount = months.reduce((a, m) => a + m.count, 0);
  if (base.meetingCount <= MAX_MEETING_MARKS) {
    const rows = await db
      .select({ id: meeting.id, partnerId: meeting.partnerId, kind: meeting.kind, startsAt: meeting.startsAt, timeZone: meeting.timeZone, status: meeting.status, title: meeting.title })
      .from(meeting)
      .where(where)
      .orderBy(asc(meeting.startsAt));
    base.marks.push(...rows.map(meetingMark));
    return base;
  }
  base.buckets = bucketsFromMonths(months, unit);
  return base;
}

function meetingMark(m: { id: number; partnerId: number; kind: string; startsAt: Date; timeZone: string; status: string; title: string }): TimelineMark {
  return { type: "meeting", id: m.id, laneId: m.partnerId, kind: m.kind as MeetingKind, t: m.startsAt.getTime(), timeZone: m.timeZone, status: m.status, title: m.title };
}

export interface MonthCount {
  laneId: number;
  /** "YYYY-MM" (UTC). */
  month: string;
  count: number;
}

/**
 * Matching meetings per partner and month within [from, to), kept until a write: month by month
 * off the index (monthsWithMeetings), or for a search, one grouped read of its matches.
 */
export async function meetingMonths(db: Db, f: TimelineFilters, laneIds: number[], from: number, to: number): Promise<MonthCount[]> {
  const key = `timeline:months:${laneIds.join(",")}:${f.kinds.join(",")}:${f.q ?? ""}:${from}:${to}`;
  return memoAggregate(db, key, async () =>
    !f.q
      ? await monthsWithMeetings(db, laneIds, { where: kindWhere(f), from, to, count: true })
      : await db
          .select({ laneId: meeting.partnerId, month: MONTH_KEY, count: sql<number>`count(*)` })
          .from(meeting)
          .where(meetingWhere(f, laneIds, from, to))
          .groupBy(meeting.partnerId, MONTH_KEY),
  );
}

/** Rolls month counts up into the drawn buckets; counts are kept exactly. */
export function bucketsFromMonths(months: MonthCount[], unit: "month" | "year"): TimelineBucket[] {
  const sums = new Map<string, { laneId: number; key: string; count: number }>();
  for (const m of months) {
    const key = unit === "month" ? `${m.month}-01` : `${m.month.slice(0, 4)}-01-01`;
    const id = `${m.laneId}|${key}`;
    const hit = sums.get(id);
    if (hit) hit.count += m.count;
    else sums.set(id, { laneId: m.laneId, key, count: m.count });
  }
  return [...sums.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.laneId - b.laneId))
    .map((b) => ({ ...b, unit, t: dayMs(b.key)!, end: periodEnd(b.key, unit) }));
}


/** Rows a window of the list holds at least (whole years: the year that reaches it is kept). */
export const LIST_WINDOW_ROWS = 36;

/**
 * The chronological list: events grouped by (UTC) year, each year capped at `perYear` when the
 * period holds more than `uncappedUpTo` events; the counts are always complete.
 */
export async function timelineList(
  db: Db,
  data: TimelineData,
  f: TimelineFilters,
  o: { perYear?: number; uncappedUpTo?: number; expandYear?: number } = {},
): Promise<TimelineListYear[]> {
  return (await timelineListWindow(db, data, f, { ...o, rows: Infinity })).years;
}

/**
 * A window of the list: the years after `after` (all when undefined) until they hold `rows`
 * listed rows (whole years), with the next year not yet listed and the period's event total.
 * The page sends the first window; the browser reads the next ones as the reader scrolls
 * (timeline/list.json), so the work and the HTML follow the screen, not the period.
 */
export async function timelineListWindow(
  db: Db,
  data: TimelineData,
  f: TimelineFilters,
  o: { perYear?: number; uncappedUpTo?: number; expandYear?: number; after?: number; rows?: number } = {},
): Promise<{ years: TimelineListYear[]; next: number | null; total: number }> {
  const perYear = o.perYear ?? 12;
  const uncappedUpTo = o.uncappedUpTo ?? 300;
  const budget = o.rows ?? LIST_WINDOW_ROWS;
  const ids = data.lanes.map((l) => l.id);
  if (!ids.length) return { years: [], next: null, total: 0 };
  const wantMeetings = !f.kinds.length || f.kinds.some((k) => k !== "milestone");
  const counts = new Map<number, number>();
  const add = (y: number, n: number) => counts.set(y, (counts.get(y) ?? 0) + n);
  const milestones = data.marks.filter((m) => m.type === "milestone");
  // A visit of two partners is one visit: listed once, in the year it starts.
  const visits = [...new Map(data.visits.map((v) => [v.id, v])).values()];
  const visitYear = (v: TimelineVisit) => Math.max(new Date(v.t).getUTCFullYear(), new Date(data.from).getUTCFullYear());
  // Bucketed visits are counted per year in the database and read a year at a time, like meetings.
  const bucketedVisits = data.visitBuckets.length > 0;
  if (bucketedVisits) for (const [y, n] of await visitYearCounts(db, f, ids, data.from, data.to)) add(y, n);
  else for (const v of visits) add(visitYear(v), 1);
  for (const m of milestones) add(Math.max(new Date(m.t).getUTCFullYear(), new Date(data.from).getUTCFullYear()), 1);
  if (wantMeetings) {
    if (data.buckets.length) for (const b of data.buckets) add(Number(b.key.slice(0, 4)), b.count);
    else for (const m of data.marks) if (m.type === "meeting") add(new Date(m.t).getUTCFullYear(), 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const capped = total > uncappedUpTo;
  const out: TimelineListYear[] = [];
  const all = [...counts.keys()].sort((a, b) => a - b).filter((y) => o.after === undefined || y > o.after);
  let listed = 0;
  for (const [i, y] of all.entries()) {
    if (listed >= budget) return { years: out, next: y, total };
    const cap = capped && y !== o.expandYear ? perYear : 500;
    const yFrom = Math.max(Date.UTC(y, 0, 1), data.from);
    const yTo = Math.min(Date.UTC(y + 1, 0, 1), data.to);
    const ms = milestones.filter((m) => Math.max(m.t, data.from) >= yFrom && Math.max(m.t, data.from) < yTo);
    let meetings: TimelineMark[] = [];
    if (wantMeetings) {
      if (!data.buckets.length) meetings = data.marks.filter((m) => m.type === "meeting" && m.t >= yFrom && m.t < yTo);
      else
        meetings = (await db
          .select({ id: meeting.id, partnerId: meeting.partnerId, kind: meeting.kind, startsAt: meeting.startsAt, timeZone: meeting.timeZone, status: meeting.status, title: meeting.title })
          .from(meeting)
          .where(meetingWhere(f, ids, yFrom, yTo))
          .orderBy(asc(meeting.startsAt))
          .limit(cap))
          .map(meetingMark);
    }
    const events = [...ms, ...meetings].sort((a, b) => a.t - b.t || (a.type === "milestone" ? -1 : 1)).slice(0, cap);
    // The year's visits share its cap with its events (the first by date; "show all" lists the rest).
    const yearVisits = bucketedVisits ? await visitsOfYear(db, f, ids, data, yFrom, yTo, cap) : visits.filter((v) => visitYear(v) === y);
    const kept = [...events.map((e) => ({ t: e.t, e })), ...yearVisits.map((v) => ({ t: v.t, v }))].sort((a, b) => a.t - b.t).slice(0, cap);
    const year = { year: y, count: counts.get(y)!, events: kept.flatMap((k) => ("e" in k ? [k.e] : [])), visits: kept.flatMap((k) => ("v" in k ? [k.v] : [])) };
    out.push(year);
    listed += year.events.length + year.visits.length;
    if (i === all.length - 1) break;
  }
  return { years: out, next: null, total };
}
