import { and, asc, count, eq, gte, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { memoAggregate } from "../memo";
import { action, meeting, partner } from "../schema";
import { overdueAction, overdueCount, unfinishedAction } from "./action-rules";
import { isUnfinishedAction } from "@/lib/domain";
import { epochMs, instant, yearKey } from "../dialect";

const OPEN = unfinishedAction();

/** Headline counts; `today` is the viewer's calendar date for "overdue". */
export async function headlineCounts(db: Db, today: string) {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    partners: n((await db.select({ n: count() }).from(partner).where(isNull(partner.archivedAt)).limit(1))[0]),
    meetings: n((await db.select({ n: count() }).from(meeting).where(isNull(meeting.archivedAt)).limit(1))[0]),
    openActions: n((await db.select({ n: count() }).from(action).where(OPEN).limit(1))[0]),
    overdueActions: n((await db.select({ n: count() }).from(action).where(overdueAction(today)).limit(1))[0]),
  };
}

const NOT_CANCELLED = sql`${meeting.status} <> 'cancelled'`;
const YEAR_KEY = yearKey(meeting.startsAt);

export interface DashboardPartner {
  id: number;
  slug: string;
  nameEn: string;
  nameKo: string;
  status: string;
}

/** Everything the dashboard shows, aggregated in SQL; `today` is the viewer's date, `now` the instant. */
export async function dashboardData(db: Db, today: string, now = new Date()) {
  const year = Number(today.slice(0, 4));
  const partners: DashboardPartner[] = await db
    .select({ id: partner.id, slug: partner.slug, nameEn: partner.nameEn, nameKo: partner.nameKo, status: partner.status })
    .from(partner)
    .where(isNull(partner.archivedAt))
    .orderBy(asc(partner.sinceDate), asc(partner.nameEn));
  const byStatus = await db
    .select({ status: partner.status, n: count() })
    .from(partner)
    .where(isNull(partner.archivedAt))
    .groupBy(partner.status);
  // The two whole-table scans, kept until the next write (db/memo.ts).
  const perYear = await memoAggregate(db, "dashboard:meetingsPerYear", async () =>
    await db
      .select({ year: YEAR_KEY, partnerId: meeting.partnerId, n: count() })
      .from(meeting)
      .where(and(isNull(meeting.archivedAt), NOT_CANCELLED))
      .groupBy(YEAR_KEY, meeting.partnerId)
      .orderBy(YEAR_KEY),
  );
  const actionStats = await memoAggregate(db, `dashboard:actions:${today}`, async () =>
    await db
      .select({ status: action.status, n: count(), overdue: overdueCount(today) })
      .from(action)
      .where(isNull(action.archivedAt))
      .groupBy(action.status),
  );
  const meetingsIn = (y: number) => perYear.filter((r) => Number(r.year) === y).reduce((a, r) => a + r.n, 0);
  const open = actionStats.filter((r) => isUnfinishedAction(r.status)).reduce((a, r) => a + r.n, 0);
  const overdue = actionStats.filter((r) => isUnfinishedAction(r.status)).reduce((a, r) => a + r.overdue, 0);
  const lastContact = await db
    .select({
      partnerId: partner.id,
      // Qualified by hand: drizzle leaves columns bare inside a raw subquery, and a bare "id"
      // would bind to meeting.id.
      last: sql<number | null>`(select ${epochMs(sql`max(m.starts_at)`)} from meeting m where m.partner_id = "partner"."id" and m.status = 'held' and m.archived_at is null and m.starts_at <= ${instant(now.getTime())})`,
    })
    .from(partner)
    .where(isNull(partner.archivedAt))
    .orderBy(asc(partner.sinceDate), asc(partner.nameEn));
  const upcoming = await db
    .select({
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      partnerId: meeting.partnerId,
    })
    .from(meeting)
    .where(and(isNull(meeting.archivedAt), eq(meeting.status, "planned"), gte(meeting.startsAt, now)))
    .orderBy(asc(meeting.startsAt))
    .limit(5);
  const overdueList = await db
    .select({ id: action.id, title: action.title, dueOn: action.dueOn, partnerId: action.partnerId, side: action.side, status: action.status })
    .from(action)
    .where(overdueAction(today))
    .orderBy(asc(action.dueOn), asc(action.id))
    .limit(5);

  const dayMs = Date.UTC(year, Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)));
  const cold = lastContact
    .map((r) => ({
      partnerId: r.partnerId,
      lastContact: r.last == null ? null : new Date(r.last),
      days: r.last == null ? null : Math.max(0, Math.floor((dayMs - Date.UTC(new Date(r.last).getUTCFullYear(), new Date(r.last).getUTCMonth(), new Date(r.last).getUTCDate())) / 86_400_000)),
    }))
    // Never met first (oldest partnership first: the sort is stable), then the longest silence.
    .sort((a, b) => (a.days === null || b.days === null ? (a.days === null ? 0 : 1) - (b.days === null ? 0 : 1) : b.days - a.days));

  return {
    today,
    year,
    partners,
    partnersByStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])) as Record<string, number>,
    meetingsThisYear: meetingsIn(year),
    meetingsLastYear: meetingsIn(year - 1),
    meetingsPerYear: perYear.map((r) => ({ year: Number(r.year), partnerId: r.partnerId, count: r.n })),
    actionsByStatus: Object.fromEntries(actionStats.map((r) => [r.status, r.n])) as Record<string, number>,
    openActions: open,
    overdueActions: overdue,
    coldest: cold,
    upcoming,
    overdueList,
  };
}

export type DashboardData = Awaited<ReturnType<typeof dashboardData>>;
