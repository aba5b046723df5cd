import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listMeetings, meetingFilters } from "@/db/queries/meetings";
import { partner } from "@/db/schema";
import { formatMeetingTime, type Locale } from "@/lib/format";
import type { MeetingListPage, MeetingListParams } from "@/lib/types/lists";

export const MEETING_PAGE_SIZE = 25;

/**
 * One page of the list as plain JSON (ISO strings, times already formatted in the viewer's zone
 * and language), so the server's first render and the browser's refetches show the same text.
 */
export async function meetingListPage(db: Db, p: MeetingListParams, locale: Locale, zone: string): Promise<MeetingListPage> {
  let partnerId: number | undefined;
  if (p.partner) {
    const row = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, p.partner)).limit(1))[0];
    if (!row) return { rows: [], total: 0, page: 1, size: MEETING_PAGE_SIZE };
    partnerId = row.id;
  }
  const { rows, total, page, size } = await listMeetings(db, {
    ...meetingFilters({ ...p, partnerId }, zone),
    sort: p.sort ?? "starts_desc",
    page: p.page,
    size: MEETING_PAGE_SIZE,
  });
  return {
    rows: rows.map((m) => {
      const t = formatMeetingTime(m.startsAt, m.timeZone, zone, locale);
      return {
        id: m.id,
        title: m.title,
        kind: m.kind,
        status: m.status,
        startsAt: m.startsAt.toISOString(),
        whenLocal: t.local,
        whenViewer: t.viewer,
        place: [m.venue, m.city].filter(Boolean).join(", "),
        partnerSlug: m.partnerSlug,
        partnerName: locale === "ko" ? m.partnerNameKo : m.partnerNameEn,
      };
    }),
    total,
    page,
    size,
  };
}
