// The board's filters live in the URL; this is the one parser, shared by the page, the API
// and the client, so an unknown value is dropped rather than trusted.
import { ACTION_PRIORITIES, ACTION_SIDES, ACTION_STATUSES, isUnfinishedAction, type ActionPriority, type ActionSide, type ActionStatus } from "@/lib/domain";
import { parseIsoDate } from "@/lib/format";

export const DUE_FILTERS = ["overdue", "week", "month"] as const;
export const GROUPS = ["partner", "owner"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
export type BoardGroup = (typeof GROUPS)[number];

export interface BoardFilters {
  partner?: string;
  /** "p<personId>" or "u<userId>". */
  owner?: string;
  due?: DueFilter;
  priority?: ActionPriority;
  side?: ActionSide;
  group?: BoardGroup;
}

/** Columns on the board, left to right; Cancelled is shown collapsed. */
export const BOARD_COLUMNS: readonly ActionStatus[] = ACTION_STATUSES;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function get(p: Params, key: string): string | undefined {
  const v = p instanceof URLSearchParams ? p.get(key) : p[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s : undefined;
}
const oneOf = <T extends string>(xs: readonly T[], v: string | undefined): T | undefined =>
  v !== undefined && (xs as readonly string[]).includes(v) ? (v as T) : undefined;

export function parseBoardFilters(p: Params): BoardFilters {
  const partner = get(p, "partner");
  const owner = get(p, "owner");
  const f: BoardFilters = {
    partner: partner && /^[a-z0-9-]{1,80}$/.test(partner) ? partner : undefined,
    owner: owner && /^(p\d{1,12}|u[\w-]{1,100})$/.test(owner) ? owner : undefined,
    due: oneOf(DUE_FILTERS, get(p, "due")),
    priority: oneOf(ACTION_PRIORITIES, get(p, "priority")),
    side: oneOf(ACTION_SIDES, get(p, "side")),
    group: oneOf(GROUPS, get(p, "group")),
  };
  for (const k of Object.keys(f) as (keyof BoardFilters)[]) if (f[k] === undefined) delete f[k];
  return f;
}

export function filtersToQuery(f: BoardFilters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f) as [string, string | undefined][]) if (v) q.set(k, v);
  return q.toString();
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The due-date range [from, to] (inclusive) of a due filter, given today's date; overdue is "before today". */
export function dueRange(due: DueFilter, today: string): { from?: string; to?: string; before?: string } {
  if (due === "overdue") return { before: today };
  const p = parseIsoDate(today)!;
  const d = new Date(Date.UTC(p.y, p.m - 1, p.d));
  if (due === "week") {
    const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
    return { from: iso(monday), to: iso(new Date(monday.getTime() + 6 * 86_400_000)) };
  }
  return { from: iso(new Date(Date.UTC(p.y, p.m - 1, 1))), to: iso(new Date(Date.UTC(p.y, p.m, 0))) };
}

/** Overdue: due before today and still open, in progress or blocked. */
export function isOverdue(card: { dueOn: string | null; status: string }, today: string): boolean {
  return !!card.dueOn && card.dueOn < today && isUnfinishedAction(card.status);
}
