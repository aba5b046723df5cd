import { and, eq, gte, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { action, meeting, partner } from "../schema";
import { memoAggregate } from "../memo";
import { isSqlite } from "../tx";
import { unfinishedAction } from "./action-rules";
import { countOf, liveActionsOfPartner, liveMeetingsOfPartner } from "./live-indexes";

// Each partner's live meetings and unfinished follow-ups, as the partners list, the partner
// overview and a partner page show them. Each count is an index-only range of the partner's own
// rows, so it grows with the partner: at 1M meetings the busiest one has 200,000 meetings and
// 360,000 unfinished follow-ups, and counting them took most of those pages' 100 ms. The counts are
// kept until anything is written (db/memo.ts, SQLite; PostgreSQL counts every time), like the
// board's column counts, so a saved meeting or a moved card shows in them at once.

export interface PartnerCounts {
  meetings: number;
  open: number;
}

const countColumns = {
  id: partner.id,
  meetings: countOf(liveMeetingsOfPartner, and(eq(meeting.partnerId, partner.id), isNull(meeting.archivedAt))),
  open: countOf(liveActionsOfPartner, and(eq(action.partnerId, partner.id), unfinishedAction())),
};

/** Every partner's counts (archived partners too), by id. */
export async function partnerCounts(db: Db): Promise<Map<number, PartnerCounts>> {
  const rows = await memoAggregate(db, "partner-counts", async () =>
    await db.select(countColumns).from(partner),
  );
  return new Map(rows.map((r) => [r.id, { meetings: r.meetings, open: r.open }]));
}

/**
 * One partner's counts. On SQLite from the kept counts of every partner; on PostgreSQL, where
 * nothing is kept, this partner's alone (counting every partner's for one page would be five times
 * the work).
 */
export async function countsOfPartner(db: Db, partnerId: number): Promise<PartnerCounts> {
  if (isSqlite(db)) return (await partnerCounts(db)).get(partnerId) ?? { meetings: 0, open: 0 };
  const row = (await db.select(countColumns).from(partner).where(eq(partner.id, partnerId)))[0];
  return row ? { meetings: row.meetings, open: row.open } : { meetings: 0, open: 0 };
}

/**
 * Every partner's unfinished follow-ups that are not overdue on `today` (due today or later, or
 * undated): the open count less these is the overdue count. Kept per day until a write.
 */
export async function notOverdueCounts(db: Db, today: string): Promise<Map<number, number>> {
  const rows = await memoAggregate(db, `partner-not-overdue:${today}`, async () =>
    await db
      .select({
        id: partner.id,
        // Two ranges of the index (due from today on; undated) rather than one OR over the partner's rows.
        dated: countOf(liveActionsOfPartner, and(eq(action.partnerId, partner.id), unfinishedAction(), gte(action.dueOn, today))),
        undated: countOf(liveActionsOfPartner, and(eq(action.partnerId, partner.id), unfinishedAction(), isNull(action.dueOn))),
      })
      .from(partner),
  );
  return new Map(rows.map((r) => [r.id, r.dated + r.undated]));
}
