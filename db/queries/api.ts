import { and, eq, gte, isNull, lt } from "drizzle-orm";
import type { Db } from "../client";
import { meeting } from "../schema";
import { matchesSearch } from "../search";
import type { MeetingListParams } from "@/lib/validation/lists";
import { cursorPage } from "./paging";

/** The API's meeting list: the /meetings screen's filters over keyset pages. */
export async function meetingCursorPage(db: Db, f: Partial<MeetingListParams> & { limit?: number; cursor?: string }) {
  const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000);
  const where = and(
    f.archived ? undefined : isNull(meeting.archivedAt),
    f.partner ? eq(meeting.partnerId, f.partner) : undefined,
    f.kind ? eq(meeting.kind, f.kind) : undefined,
    f.status ? eq(meeting.status, f.status) : undefined,
    f.from ? gte(meeting.startsAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(meeting.startsAt, dayAfter(f.to)) : undefined,
    f.q ? matchesSearch("meeting", meeting.id, f.q) : undefined,
  );
  return cursorPage(meeting.id, where, f, async (w, order, limit) => await db.select().from(meeting).where(w).orderBy(order).limit(limit));
}
