import { meetingListPage, parseMeetingListParams } from "../list-params";
import { apiRoute } from "@/server/http";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";

// The /meetings list's client-side data: the same query and shape as the server's first render.
export const GET = apiRoute("read", async ({ req, db }) => {
  const params = parseMeetingListParams(Object.fromEntries(new URL(req.url).searchParams));
  const [locale, { zone }] = await Promise.all([viewerLocale(), viewerTimeZone()]);
  return meetingListPage(db, params, locale, zone);
});
