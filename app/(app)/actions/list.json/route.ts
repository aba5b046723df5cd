import { todayIn } from "@/lib/format";
import { apiRoute } from "@/server/http";
import { parseInput } from "@/lib/validation/common";
import { actionListSchema, paramsRecord } from "@/lib/validation/lists";
import { viewerTimeZone } from "@/server/viewer";
import { actionListPage } from "../list-page";

// The /actions list's reads in the browser: the same query and shape as the page's first render.
export const GET = apiRoute("read", async ({ req, db, actor }) => {
  const params = parseInput(actionListSchema, paramsRecord(new URL(req.url).searchParams));
  const { zone } = await viewerTimeZone();
  return actionListPage(db, { params, today: todayIn(zone), userId: actor.userId ?? "" });
});
