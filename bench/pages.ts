// The pages issue 19 names, each against the floor page (/bench-floor: the signed-in shell with
// an empty main, behind the same guard) measured in the same run.
import { timeGets } from "./stats";

export const FLOOR_PAGE = "/bench-floor";

export interface PageIds {
  /** The meeting page to time: the partner page's newest synthetic meeting. */
  meetingId: number;
  /** The visit with the most programme items. */
  busyVisitId: number | undefined;
  /** The partner with the most meetings, and how many: its briefing is the heaviest. */
  busiestPartner: { id: number; meetings: number };
}

export function pageList(ids: PageIds): { name: string; route: string }[] {
  return [
    { name: "floor (empty signed-in shell)", route: FLOOR_PAGE },
    { name: "dashboard", route: "/" },
    { name: "partners list", route: "/partners" },
    { name: "partner page", route: "/partners/chongqing" },
    { name: "meetings list", route: "/meetings" },
    { name: "meeting search", route: "/meetings?q=semiconductors" },
    { name: "a meeting", route: `/meetings/${ids.meetingId}` },
    { name: "people", route: "/people" },
    { name: "actions", route: "/actions" },
    { name: "timeline", route: "/timeline" },
    { name: "board", route: "/board" },
    { name: "partner overview", route: "/board/partners" },
    { name: "reports", route: "/reports" },
    { name: "visits", route: "/visits" },
    ...(ids.busyVisitId ? [{ name: "busiest visit", route: `/visits/${ids.busyVisitId}` }] : []),
    { name: "notifications", route: "/notifications" },
    { name: "audit trail", route: "/admin/audit" },
  ];
}

export interface PageMeasure {
  name: string;
  route: string;
  p50: number;
  p95: number;
  firstByteP50: number;
  kib: number;
}

/** Every page, `runs` sequential requests each after two warm-ups; a page that is not a 200 stops the run. */
export async function measurePages(baseUrl: string, cookie: string, ids: PageIds, runs: number): Promise<PageMeasure[]> {
  const out: PageMeasure[] = [];
  for (const { name, route } of pageList(ids)) {
    const r = await timeGets(baseUrl + route, { cookie }, runs);
    if (r.status !== 200) throw new Error(`${route} answered ${r.status}`);
    out.push({ name, route, p50: r.p50, p95: r.p95, firstByteP50: r.firstByteP50, kib: Math.round(r.bytes / 1024) });
  }
  return out;
}
