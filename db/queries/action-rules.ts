import { and, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { UNFINISHED_ACTION_STATUSES } from "@/lib/domain";
import { action } from "../schema";

// What "open" and "overdue" mean for a follow-up, in SQL, for every query of the data layer: the
// dashboard, the board, the partner overview and pages, /actions, reports, the calendar feed,
// visit briefings and the due-date notifications. For rows already read, lib/domain.ts
// (isUnfinishedAction) and lib/board/filters.ts (isOverdue) say the same in TypeScript.

/**
 * An unfinished ("open") follow-up: its status is one of UNFINISHED_ACTION_STATUSES (open, in
 * progress, blocked) and it is not archived. `archived: true` keeps archived ones too, for the
 * /actions list when it shows archived follow-ups.
 */
export function unfinishedAction(o: { archived?: boolean } = {}): SQL {
  const status = inArray(action.status, [...UNFINISHED_ACTION_STATUSES]);
  return o.archived ? status : and(status, isNull(action.archivedAt))!;
}

/** Overdue: unfinished and due before `today`, the viewer's calendar date (YYYY-MM-DD). */
export function overdueAction(today: string, o: { archived?: boolean } = {}): SQL {
  return and(unfinishedAction(o), lt(action.dueOn, today))!;
}

/** How many of the rows an aggregate counts are overdue (0 when none). */
export function overdueCount(today: string): SQL<number> {
  return sql<number>`coalesce(sum(case when ${overdueAction(today)} then 1 else 0 end), 0)`;
}
