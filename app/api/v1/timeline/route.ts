import { timelineData } from "@/db/queries/timeline";
import { todayIn } from "@/lib/format";
import { apiRoute } from "@/server/http";
import { parseTimelineParams } from "@/lib/timeline";
import { viewerTimeZone } from "@/server/viewer";

/** GET /api/v1/timeline?partner=&kind=&from=&to=&q= — what the timeline chart draws for a period. */
export const GET = apiRoute("read", async ({ req, db }) => {
  const sp: Record<string, string[]> = {};
  for (const [k, v] of new URL(req.url).searchParams) (sp[k] ??= []).push(v);
  const { zone } = await viewerTimeZone();
  return timelineData(db, parseTimelineParams(sp), { today: todayIn(zone) });
});
