import { sql, type SQL } from "drizzle-orm";
import { ON_PG } from "../dialect";
import { action, meeting, partner } from "../schema";

// One partner's live meetings and unfinished follow-ups, read off the partial live indexes, which
// hold every row they count. Left to itself, SQLite's planner may take the full (partner_id, …)
// index instead and look up each row for archived_at: 75 ms against 3 ms for the five partners'
// meetings at 100k, 112 against 6 for their follow-ups. Which it takes depends on the order the
// indexes were built (a migrated file and a bulk-seeded one differ), so SQLite is told; PostgreSQL
// plans for itself. The where clause must keep `archived_at is null` and name the partner, or
// SQLite refuses the hint (an error, never a silent full scan).

/** `meeting`, through meeting_live_partner_starts_idx on SQLite. */
export const liveMeetingsOfPartner: SQL = ON_PG ? sql`${meeting}` : sql`${meeting} indexed by meeting_live_partner_starts_idx`;

/** `action`, through action_live_partner_idx on SQLite. */
export const liveActionsOfPartner: SQL = ON_PG ? sql`${action}` : sql`${action} indexed by action_live_partner_idx`;

/** How many rows of `from` match `where`, as a scalar subquery (correlated when `where` names an outer row). */
export function countOf(from: SQL, where: SQL | undefined): SQL<number> {
  return sql<number>`(select count(*) from ${from} where ${where})`.mapWith(Number);
}

/**
 * When the outer row's partner last held a meeting: a backward read of its live index entries
 * (index-only: the index holds status), for the partners list and the partner overview.
 */
export function lastHeldMeeting(): SQL {
  return sql`(select ${meeting.startsAt} from ${liveMeetingsOfPartner} where ${meeting.partnerId} = ${partner.id} and ${meeting.archivedAt} is null and ${meeting.status} = 'held' order by ${meeting.startsAt} desc limit 1)`;
}
