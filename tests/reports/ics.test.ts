import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarData } from "@/db/queries/calendar";
import { createApiToken } from "@/db/queries/tokens";
import { createAction } from "@/db/queries/actions";
import { SYSTEM_ACTOR } from "@/db/audit";
import type { Db } from "@/db/client";
import { GET as feed } from "@/app/api/v1/calendar.ics/route";
import { buildCalendar, escapeText, fold } from "@/server/export/ics";
import { seededDb } from "../helpers/db";

describe("[REPORTS] iCalendar", () => {
  it("folds at 75 octets without splitting characters, and escapes text", () => {
    const long = `SUMMARY:${"충칭시 회의 ".repeat(20)}`;
    const folded = fold(long);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.split("\r\n").map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(long);
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  it("a feed of the demo data parses with ical.js: meetings in their zone, due dates all day", async () => {
    const db = await seededDb();
    const { meetings } = await calendarData(db, null);
    const ics = buildCalendar({
      name: "Test, feed",
      meetings: [
        ...meetings.map((m) => ({
          uid: `meeting-${m.id}@bridgehead`,
          startsAt: m.startsAt,
          timeZone: m.timeZone,
          durationMinutes: m.durationMinutes,
          summary: `${m.title}; 重庆市`,
          location: m.venue,
          description: "Line one\nLine two, with a comma",
          status: m.status as "held",
        })),
        // A zone with daylight saving time, in summer.
        { uid: "ny@bridgehead", startsAt: new Date("2021-07-04T14:00:00Z"), timeZone: "America/New_York", durationMinutes: 30, summary: "New York", status: "planned" },
      ],
      dues: [{ uid: "a1@bridgehead", date: "2020-03-20", summary: "Due: send minutes" }],
    });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "").includes("\n")).toBe(false);
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const cq = events.find((e) => e.uid.startsWith("meeting-"))!;
    expect(cq.summary).toContain("重庆市");
    expect(cq.summary).toContain("; ");
    expect(cq.description).toBe("Line one\nLine two, with a comma");
    expect(cq.component.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Asia/Shanghai");
    expect(cq.startDate.zone.tzid).toBe("Asia/Shanghai");
    expect(cq.startDate.toJSDate().toISOString()).toBe("2019-11-27T07:00:00.000Z");
    expect(cq.endDate.toJSDate().toISOString()).toBe("2019-11-27T08:00:00.000Z");
    const ny = events.find((e) => e.uid === "ny@bridgehead")!;
    expect(ny.startDate.toJSDate().toISOString()).toBe("2021-07-04T14:00:00.000Z");
    const due = events.find((e) => e.uid === "a1@bridgehead")!;
    expect(due.startDate.isDate).toBe(true);
    expect(due.startDate.toString()).toBe("2020-03-20");
    // ical.js does not unescape unknown X- properties; TEXT escaping is what calendar apps expect.
    expect(cal.getFirstPropertyValue("x-wr-calname")).toBe("Test\\, feed");
  });

  it("the feed route writes titles and partner names in the address's language", async () => {
    const db = await seededDb();
    (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
    await createAction(db, SYSTEM_ACTOR, { partnerId: 5, title: "Send the big-data proposal", side: "ours", dueOn: "2099-01-15" });
    const { token } = await createApiToken(db, SYSTEM_ACTOR, { name: "Chongqing desk", role: "viewer", scope: "calendar", partnerId: 5 });
    const events = async (query: string) => {
      const res = await feed(new Request(`http://test/api/v1/calendar.ics?token=${token}${query}`));
      expect(res.status).toBe(200);
      const cal = new ICAL.Component(ICAL.parse(await res.text()) as unknown[]);
      return { name: cal.getFirstPropertyValue("x-wr-calname"), summaries: cal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e).summary) };
    };
    const en = await events("");
    expect(en.name).toBe("Bridgehead: Chongqing desk");
    expect(en.summaries).toContain("Governor Lee Jae-myung meets Mayor Tang Liangzhi: a new door for economic exchange and cooperation (Chongqing Municipality)");
    expect(en.summaries).toContain("Due: Send the big-data proposal (Chongqing Municipality)");
    const ko = await events("&lang=ko");
    expect(ko.summaries).toContain("Governor Lee Jae-myung meets Mayor Tang Liangzhi: a new door for economic exchange and cooperation (충칭시)");
    expect(ko.summaries).toContain("마감: Send the big-data proposal (충칭시)");
    expect(ko.summaries.some((s) => s.includes("Due:"))).toBe(false);
    // An unknown language falls back to English rather than failing the subscription.
    expect((await events("&lang=xx")).summaries).toEqual(en.summaries);
  });
});
