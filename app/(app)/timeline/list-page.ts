import "server-only";
import type { Db } from "@/db/client";
import { timelineData, timelineListWindow } from "@/db/queries/timeline";
import type { TimelineData, TimelineFilters } from "@/lib/timeline";
import type { TimelineListWindow } from "@/lib/types/timeline-list";

/**
 * One window of the chronological list (whole years after `after`, about a screen of rows): the
 * page renders the first with the chart's data; GET /timeline/list.json the next ones.
 */
export async function timelineListPage(
  db: Db,
  filters: TimelineFilters,
  o: { today: string; expandYear?: number; after?: number; data?: TimelineData },
): Promise<TimelineListWindow> {
  const data = o.data ?? (await timelineData(db, filters, { today: o.today }));
  const { years, next, total } = await timelineListWindow(db, data, filters, { expandYear: o.expandYear, after: o.after });
  const laneIds = new Set([...years.flatMap((y) => y.events.map((e) => e.laneId)), ...years.flatMap((y) => y.visits.map((v) => v.laneId))]);
  // Only the lanes the window names: their names are what the rows show.
  const lanes = data.lanes.filter((l) => laneIds.has(l.id)).map((l) => ({ id: l.id, slug: l.slug, nameEn: l.nameEn, nameKo: l.nameKo }));
  return { years, next, total, lanes };
}
