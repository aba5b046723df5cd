import { and, count, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { action, meeting, partner } from "../schema";

const OPEN = sql`${action.status} in ('open','in_progress','blocked')`;

/** Headline counts; `today` is the viewer's calendar date for "overdue". */
export async function headlineCounts(db: Db, today: string) {
  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  return {
    partners: n(db.select({ n: count() }).from(partner).where(isNull(partner.archivedAt)).get()),
    meetings: n(db.select({ n: count() }).from(meeting).where(isNull(meeting.archivedAt)).get()),
    openActions: n(db.select({ n: count() }).from(action).where(and(OPEN, isNull(action.archivedAt))).get()),
    overdueActions: n(db.select({ n: count() }).from(action).where(and(OPEN, isNull(action.archivedAt), lt(action.dueOn, today))).get()),
  };
}
