import type { Db } from "../client";
import { meeting } from "../schema";
import type { MeetingApiFilters } from "@/lib/validation/lists";
import { meetingFilters, meetingWhere } from "./meetings";
import { cursorPage } from "./paging";
import { getHomeRegion } from "./settings";

/**
 * The API's meeting list: the list page's filter over keyset pages. An API caller has no browser
 * zone, so its days are the home region's, as in the exports.
 */
export async function meetingCursorPage(db: Db, f: Partial<MeetingApiFilters> & { limit?: number; cursor?: string }) {
  const where = await meetingCursorWhere(db, f);
  return cursorPage(meeting.id, where, f, async (w, order, limit) => await db.select().from(meeting).where(w).orderBy(order).limit(limit));
}

/** The API meeting list's filter (also read by the fast list path, list-rows.ts). */
export async function meetingCursorWhere(db: Db, f: Partial<MeetingApiFilters>) {
  const zone = f.from || f.to ? (await getHomeRegion(db)).timeZone : "UTC";
  return meetingWhere(meetingFilters({ ...f, partnerId: f.partner }, zone));
}
