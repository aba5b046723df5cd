import { todayIn } from "@/lib/format";
import { parseTimelineParams } from "@/lib/timeline";
import { apiRoute } from "@/server/http";
import { viewerTimeZone } from "@/server/viewer";
import { timelineListPage } from "../list-page";

// The chronological list's next windows in the browser (the page sends the first): the years
// after `after`, for the same filters as the page's URL.
export const GET = apiRoute("read", async ({ req, db }) => {
  const sp: Record<string, string[]> = {};
  for (const [k, v] of new URL(req.url).searchParams) (sp[k] ??= []).push(v);
  const year = (s: string[] | undefined) => {
    const n = Number(s?.[0]);
    return Number.isInteger(n) && n >= 1 && n <= 9999 ? n : undefined;
  };
  const { zone } = await viewerTimeZone();
  return timelineListPage(db, parseTimelineParams(sp), { today: todayIn(zone), expandYear: year(sp.year), after: year(sp.after) });
});
