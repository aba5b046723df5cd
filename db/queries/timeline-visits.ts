import { and, asc, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { likeCi } from "../dialect";
import type { Db } from "../client";
import { visit, visitPartner } from "../schema";
import { memoAggregate } from "../memo";
import type { DatePrecision, VisitDirection, VisitStatus } from "@/lib/domain";
import { DAY, isoDay, type TimelineFilters, type TimelineVisit } from "@/lib/timeline";
import { visitSpan } from "@/lib/timeline-geometry";

// The visits the timeline draws as spans, read per period and lane (never the whole table).

/** At most this many visit spans per drawing; more than any office plans in a decade. */
export const MAX_VISIT_SPANS = 1000;

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

/** Dated visits of these lanes that overlap [from, to), one row per visit and partner. */
export async function timelineVisits(db: Db, f: TimelineFilters, laneIds: number[], from: number, to: number): Promise<TimelineVisit[]> {
  if (!laneIds.length || !wantsVisits(f)) return [];
  const rows = await db
    .select(cols)
    .from(visitPartner)
    .innerJoin(visit, sql`${visit.id} = ${visitPartner.visitId}`)
    .where(
      and(
        inArray(visitPartner.partnerId, laneIds),
        isNull(visit.archivedAt),
        isNotNull(visit.startsOn),
        lt(visit.startsOn, isoDay(to)),
        // A period ends at most a year after its stored day; the exact overlap is checked below.
        gte(sql`coalesce(${visit.endsOn}, ${visit.startsOn})`, isoDay(from - 366 * DAY)),
        textWhere(f),
      ),
    )
    .orderBy(asc(visit.startsOn), asc(visit.id))
    .limit(MAX_VISIT_SPANS);
  return rows.map(toVisit).filter((v): v is TimelineVisit => v !== null && v.end > from && v.t < to);
}

/** Visits still "to be scheduled" (no date) on these lanes: listed below the chart, not drawn. */
export async function unscheduledVisits(db: Db, f: TimelineFilters, laneIds: number[], limit = 50): Promise<Omit<TimelineVisit, "t" | "end" | "startsOn">[]> {
  if (!laneIds.length || !wantsVisits(f)) return [];
  const rows = await db
    .select(cols)
    .from(visitPartner)
    .innerJoin(visit, sql`${visit.id} = ${visitPartner.visitId}`)
    .where(and(inArray(visitPartner.partnerId, laneIds), isNull(visit.archivedAt), isNull(visit.startsOn), textWhere(f)))
    .orderBy(asc(visit.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, direction: r.direction as VisitDirection, status: r.status as VisitStatus, precision: r.precision as DatePrecision }));
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
