import { meetingListPage } from "../list-page";
import { apiRoute } from "@/server/http";
import { meetingScreenListSchema, paramsRecord, parseListParams } from "@/lib/validation/lists";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";

// The /meetings list's client-side data: the same query and shape as the server's first render.
// Lenient like the page: an edited URL's unknown value is dropped, not an error.
export const GET = apiRoute("read", async ({ req, db }) => {
  const params = parseListParams(meetingScreenListSchema, paramsRecord(new URL(req.url).searchParams));
  const [locale, { zone }] = await Promise.all([viewerLocale(), viewerTimeZone()]);
  return meetingListPage(db, params, locale, zone);
});
