import { getBoard, getColumnPage } from "@/db/queries/board";
import { getHomeRegion } from "@/db/queries/settings";
import { parseBoardFilters } from "@/lib/board/filters";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/domain";
import { UserError } from "@/lib/errors";
import { todayIn } from "@/lib/format";
import { apiRoute } from "@/server/http";
import { parseIdParam } from "@/lib/validation/common";

async function today(req: Request, db: Parameters<typeof getHomeRegion>[0]): Promise<string> {
  const tz = req.headers.get("cookie")?.match(/(?:^|;\s*)bh_tz=([^;]+)/)?.[1];
  try {
    if (tz) return todayIn(decodeURIComponent(tz));
  } catch {
    // An unknown zone in the cookie: fall back to the home region's.
  }
  return todayIn((await getHomeRegion(db)).timeZone);
}

/**
 * GET ?<filters>: the whole board (first cards per column and counts);
 * GET ?<filters>&status=open&lane=…&afterPosition=…&afterId=…: the next cards of one column.
 */
export const GET = apiRoute("read", async ({ req, db }) => {
  const q = new URL(req.url).searchParams;
  const filters = parseBoardFilters(q);
  const day = await today(req, db);
  const status = q.get("status");
  if (!status) return getBoard(db, filters, day);
  if (!(ACTION_STATUSES as readonly string[]).includes(status)) throw new UserError("bad_request", "Unknown status.");
  const position = /^-?[0-9]{1,16}$/.test(q.get("afterPosition") ?? "") ? Number(q.get("afterPosition")) : NaN;
  const id = parseIdParam(q.get("afterId"));
  if (!Number.isSafeInteger(position) || id === null) throw new UserError("bad_request", "afterPosition and afterId must be whole numbers.");
  return { cards: await getColumnPage(db, { filters, today: day, status: status as ActionStatus, lane: q.get("lane") ?? undefined, after: { position, id } }) };
});
