import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { action, meeting, partner } from "../schema";
import { unfinishedAction } from "./action-rules";

/** Meetings and dated open actions for the calendar feed, one partner or all. */
export async function calendarData(db: Db, partnerId: number | null) {
  const meetings = await db
    .select({
      id: meeting.id,
      title: meeting.title,
      status: meeting.status,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      durationMinutes: meeting.durationMinutes,
      venue: meeting.venue,
      city: meeting.city,
      summary: meeting.summary,
      updatedAt: meeting.updatedAt,
      version: meeting.version,
      partnerEn: partner.nameEn,
      partnerKo: partner.nameKo,
    })
    .from(meeting)
    .innerJoin(partner, eq(partner.id, meeting.partnerId))
    .where(and(isNull(meeting.archivedAt), partnerId ? eq(meeting.partnerId, partnerId) : undefined))
    .orderBy(asc(meeting.startsAt));
  const dues = (await db
    .select({ id: action.id, title: action.title, dueOn: action.dueOn, status: action.status, updatedAt: action.updatedAt, version: action.version, partnerEn: partner.nameEn, partnerKo: partner.nameKo })
    .from(action)
    .innerJoin(partner, eq(partner.id, action.partnerId))
    .where(
      and(
        unfinishedAction(),
        partnerId ? eq(action.partnerId, partnerId) : undefined,
      ),
    )
    .orderBy(asc(action.dueOn)))
    .filter((a): a is typeof a & { dueOn: string } => a.dueOn !== null);
  return { meetings, dues };
}
