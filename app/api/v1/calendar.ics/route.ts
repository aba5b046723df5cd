import { getDb } from "@/db";
import { calendarData } from "@/db/queries/calendar";
import { verifyApiToken } from "@/db/queries/tokens";
import { visitCalendarData } from "@/db/queries/visit-views";
import { buildCalendar } from "@/server/export/ics";
import { translator } from "@/server/export/report-columns";
import { isLocale } from "@/lib/format";
import { errorResponse, jsonError } from "@/server/http";

export const dynamic = "force-dynamic";

/** A visit's programme and travel are as firm as the visit: ideas and plans are tentative. */
const visitEventStatus = (status: string): "planned" | "held" | "cancelled" => (status === "cancelled" ? "cancelled" : status === "idea" || status === "planned" ? "planned" : "held");

/**
 * GET /api/v1/calendar.ics?token=bh_… — the calendar feed. Calendar apps cannot sign in, so the
 * token in the address is the credential: scope "calendar", revocable, optionally one partner.
 * `lang=ko` writes the titles and partner names in Korean (the address made on a Korean screen has it).
 */
export async function GET(req: Request): Promise<Response> {
  try {
    const url = new URL(req.url);
    const token = url.searchParams.get("token") ?? "";
    const db = getDb();
    const t = token ? await verifyApiToken(db, token, "calendar") : null;
    if (!t) return jsonError(401, "unauthorized", "This calendar address is not valid or has been revoked.");
    const lang = url.searchParams.get("lang");
    const locale = isLocale(lang) ? lang : "en";
    const tr = translator(locale);
    const partnerName = (p: { partnerEn: string; partnerKo: string }) => (locale === "ko" ? p.partnerKo : p.partnerEn);
    const { meetings, dues } = await calendarData(db, t.partnerId);
    const { items, legs } = await visitCalendarData(db, t.partnerId);
    const base = url.origin;
    // Programme items and legs change with their visit: its version is their SEQUENCE.
    const ofVisit = (v: { visitId: number; visitStatus: string; updatedAt: Date; version: number }) => ({
      status: visitEventStatus(v.visitStatus),
      url: `${base}/visits/${v.visitId}`,
      updatedAt: v.updatedAt,
      version: v.version,
    });
    const ics = buildCalendar({
      name: tr("reports.calendar.feedName", { scope: t.name }),
      meetings: [
        ...meetings.map((m) => ({
          uid: `meeting-${m.id}@bridgehead`,
          startsAt: m.startsAt,
          timeZone: m.timeZone,
          durationMinutes: m.durationMinutes,
          summary: tr("reports.calendar.feedEvent", { title: m.title, partner: partnerName(m) }),
          location: [m.venue, m.city].filter(Boolean).join(", ") || null,
          description: m.summary,
          status: m.status as "planned" | "held" | "cancelled",
          url: `${base}/meetings/${m.id}`,
          updatedAt: m.updatedAt,
          version: m.version,
        })),
        ...items.map((i) => ({
          uid: `visit-item-${i.id}@bridgehead`,
          startsAt: i.startsAt,
          timeZone: i.timeZone,
          durationMinutes: null,
          endsAt: i.endsAt,
          summary: tr("reports.calendar.feedVisitItem", { title: i.title, visit: i.visitTitle }),
          location: i.place,
          description: i.notes,
          ...ofVisit(i),
        })),
        ...legs.map((l) => ({
          uid: `visit-leg-${l.id}@bridgehead`,
          startsAt: l.departsAt,
          timeZone: l.fromTimeZone,
          durationMinutes: null,
          endsAt: l.arrivesAt,
          endTimeZone: l.toTimeZone,
          summary: tr("reports.calendar.feedLeg", { number: l.number ?? tr(`visits.mode.${l.mode}`), from: l.fromPlace, to: l.toPlace }),
          location: l.fromPlace,
          description: [l.visitTitle, [l.travellerEn, l.travellerLocal].filter(Boolean).join(" "), l.notes].filter(Boolean).join("\n"),
          ...ofVisit(l),
        })),
      ],
      dues: dues.map((a) => ({
        uid: `action-${a.id}-due@bridgehead`,
        date: a.dueOn,
        summary: tr("reports.calendar.feedDue", { title: a.title, partner: partnerName(a) }),
        url: `${base}/board`,
        updatedAt: a.updatedAt,
        version: a.version,
      })),
    });
    return new Response(ics, {
      headers: {
        "content-type": "text/calendar; charset=utf-8",
        "content-disposition": 'inline; filename="bridgehead.ics"',
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
