import { MEETING_KINDS, MEETING_STATUSES } from "@/lib/domain";
import { parseIsoDate } from "@/lib/format";

// The /meetings list's state lives in the URL; these two functions read and write it, on the
// server and in the browser alike.
const SORTS = ["starts_desc", "starts_asc", "title"];

/** The list's URL parameter names (its query key is built from these only). */
export const MEETING_LIST_PARAMS = ["q", "partner", "kind", "status", "from", "to", "sort", "page"] as const;

/** The list's filters, sort and page once checked. */
export interface MeetingListFilters {
  q?: string;
  partner?: string;
  kind?: string;
  status?: string;
  from?: string;
  to?: string;
  sort?: string;
  page?: number;
}

const isDate = (s: string | undefined) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && parseIsoDate(s) !== null;

/** The list's URL → clean parameters; unknown values are dropped, not errors (URLs get edited). */
export function parseMeetingListParams(sp: Record<string, string | string[] | undefined>): MeetingListFilters {
  const one = (k: string) => {
    const v = sp[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  };
  const out: MeetingListFilters = {};
  const q = one("q");
  if (q) out.q = q.slice(0, 200);
  const p = one("partner");
  if (p && /^[a-z0-9-]{1,80}$/.test(p)) out.partner = p;
  const kind = one("kind");
  if (kind && (MEETING_KINDS as readonly string[]).includes(kind)) out.kind = kind;
  const status = one("status");
  if (status && (MEETING_STATUSES as readonly string[]).includes(status)) out.status = status;
  if (isDate(one("from"))) out.from = one("from");
  if (isDate(one("to"))) out.to = one("to");
  const sort = one("sort");
  if (sort && sort !== "starts_desc" && (SORTS as readonly string[]).includes(sort)) out.sort = sort;
  const page = Number(one("page"));
  if (Number.isInteger(page) && page > 1 && page < 1_000_000) out.page = page;
  return out;
}

export function meetingListSearch(p: MeetingListFilters): string {
  const q = new URLSearchParams();
  for (const k of ["q", "partner", "kind", "status", "from", "to", "sort"] as const) if (p[k]) q.set(k, p[k]);
  if (p.page && p.page > 1) q.set("page", String(p.page));
  const s = q.toString();
  return s ? `?${s}` : "";
}
