import { execFileSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as feed } from "@/app/api/v1/calendar.ics/route";
import type { Db } from "@/db/client";
import { getVisit } from "@/db/queries/visit-views";
import { createVisit, updateVisit } from "@/db/queries/visits";
import { createApiToken } from "@/db/queries/tokens";
import { partner, programmeItem } from "@/db/schema";
import { EDITOR, seededDb } from "../helpers/db";

// The calendar feed's visits, read by Debian's python3-icalendar: a programme item in its own zone,
// a flight that leaves in one zone and lands in another, stable UIDs across an edit, and the
// partner scope of the feed's address.

const PYTHON = process.env.PYTHON_ICALENDAR ?? "/usr/bin/python3";
const READ = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
def when(p):
    return None if p is None else {"at": p.dt.isoformat(), "tzid": p.params.get("TZID")}
print(json.dumps({
    "zones": sorted(str(z["TZID"]) for z in cal.walk("VTIMEZONE")),
    "events": [{
        "uid": str(e["UID"]),
        "summary": str(e["SUMMARY"]),
        "sequence": int(e["SEQUENCE"]),
        "status": str(e.get("STATUS", "")),
        "location": str(e.get("LOCATION", "")),
        "url": str(e.get("URL", "")),
        "start": when(e.get("DTSTART")),
        "end": when(e.get("DTEND")),
        "alarms": len(list(e.walk("VALARM"))),
    } for e in cal.walk("VEVENT")],
}))
`;

type When = { at: string; tzid: string | null } | null;
type PyEvent = { uid: string; summary: string; sequence: number; status: string; location: string; url: string; start: When; end: When; alarms: number };
let db: Db;
let visitId: number;
let allToken: string;

const token = async (partnerId?: number) =>
  (await createApiToken(db, EDITOR, { name: "desk", role: "viewer", scope: "calendar", ...(partnerId ? { partnerId } : {}) })).token;
const partnerId = async (slug: string) => (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, slug)).limit(1))[0]!.id;

async function read(t: string): Promise<{ zones: string[]; events: PyEvent[] }> {
  const res = await feed(new Request(`http://test/api/v1/calendar.ics?token=${t}`));
  expect(res.status).toBe(200);
  return JSON.parse(execFileSync(PYTHON, ["-c", READ], { input: await res.text(), encoding: "utf8" })) as { zones: string[]; events: PyEvent[] };
}

beforeAll(async () => {
  db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  visitId = (
    await createVisit(db, EDITOR, {
      direction: "outgoing",
      title: "Big-data follow-up trip",
      status: "confirmed",
      partnerIds: [await partnerId("chongqing")],
      programme: [
        { kind: "site_visit", title: "Data centre tour", timeZone: "Asia/Shanghai", startDate: "2026-06-10", startTime: "10:00", endTime: "11:30", place: "Liangjiang" },
        { kind: "press", title: "Press line", timeZone: "Asia/Shanghai" },
      ],
      legs: [
        { mode: "flight", number: "OZ 123", fromPlace: "Seoul", fromTimeZone: "Asia/Seoul", departDate: "2026-06-09", departTime: "09:00", toPlace: "Chongqing", toTimeZone: "Asia/Shanghai", arriveDate: "2026-06-09", arriveTime: "11:10" },
        { mode: "train", fromPlace: "Chongqing", fromTimeZone: "Asia/Shanghai", departDate: "2026-06-11", departTime: "08:00", toPlace: "Chengdu", toTimeZone: "Asia/Shanghai" },
      ],
    })
  ).id;
  allToken = await token();
});

const itemUid = async (title: string) => {
  const row = (await db.select({ id: programmeItem.id }).from(programmeItem).where(eq(programmeItem.title, title)).limit(1))[0]!;
  return `visit-item-${row.id}@bridgehead`;
};

describe("[VISITS] the calendar feed carries programme items and travel legs", () => {
  it("writes a programme item in Asia/Shanghai with its VTIMEZONE, linking to the visit", async () => {
    const { zones, events } = await read(allToken);
    const item = events.find((e) => e.summary === "Data centre tour (Big-data follow-up trip)")!;
    expect(item.uid).toBe(await itemUid("Data centre tour"));
    expect(item.start).toEqual({ at: "2026-06-10T10:00:00+08:00", tzid: "Asia/Shanghai" });
    expect(item.end).toEqual({ at: "2026-06-10T11:30:00+08:00", tzid: "Asia/Shanghai" });
    expect(item).toMatchObject({ status: "CONFIRMED", location: "Liangjiang", url: `http://test/visits/${visitId}`, alarms: 1 });
    expect(zones).toEqual(expect.arrayContaining(["Asia/Seoul", "Asia/Shanghai"]));
    // An item not yet scheduled has no time to show.
    expect(events.some((e) => e.summary.startsWith("Press line"))).toBe(false);
  });

  it("writes a flight from departure in Seoul's zone to arrival in Chongqing's, named from the leg", async () => {
    const { events } = await read(allToken);
    const flight = events.find((e) => e.summary === "OZ 123 Seoul → Chongqing")!;
    expect(flight.uid).toMatch(/^visit-leg-\d+@bridgehead$/);
    expect(flight.start).toEqual({ at: "2026-06-09T09:00:00+09:00", tzid: "Asia/Seoul" });
    expect(flight.end).toEqual({ at: "2026-06-09T11:10:00+08:00", tzid: "Asia/Shanghai" });
    // A leg without a number is named by its mode; one with no arrival time has no invented end.
    const train = events.find((e) => e.summary === "Train Chongqing → Chengdu")!;
    expect(train.start).toEqual({ at: "2026-06-11T08:00:00+08:00", tzid: "Asia/Shanghai" });
    expect(train.end).toBeNull();
  });

  it("keeps the UIDs through an edit, raising SEQUENCE, and marks a cancelled visit's events", async () => {
    const before = (await read(allToken)).events;
    const uid = await itemUid("Data centre tour");
    const seq = before.find((e) => e.uid === uid)!.sequence;
    const legUid = before.find((e) => e.summary === "OZ 123 Seoul → Chongqing")!.uid;
    const v = await getVisit(db, visitId);
    await updateVisit(db, EDITOR, visitId, {
      ...v,
      status: "cancelled",
      programme: v.programme.map(({ meetingId: _m, ...p }) =>
        p.title === "Data centre tour" ? { ...p, startsAt: undefined, endsAt: undefined, startDate: "2026-06-10", startTime: "14:00", endTime: "15:00" } : { ...p, startsAt: p.startsAt?.toISOString(), endsAt: p.endsAt?.toISOString() },
      ),
      legs: v.legs.map((l) => ({ ...l, departsAt: l.departsAt?.toISOString(), arrivesAt: l.arrivesAt?.toISOString() })),
    });
    const after = (await read(allToken)).events;
    const moved = after.find((e) => e.uid === uid)!;
    expect(moved).toMatchObject({ sequence: seq + 1, status: "CANCELLED", alarms: 0 });
    expect(moved.start).toEqual({ at: "2026-06-10T14:00:00+08:00", tzid: "Asia/Shanghai" });
    expect(after.find((e) => e.uid === legUid)).toMatchObject({ summary: "OZ 123 Seoul → Chongqing", sequence: seq + 1, status: "CANCELLED" });
  });

  it("gives a partner's address only the visits of that partner, and a held item once, as its meeting", async () => {
    const tianjin = (await read(await token(await partnerId("tianjin")))).events;
    expect(tianjin.some((e) => e.uid.startsWith("visit-"))).toBe(false);
    const chongqing = (await read(await token(await partnerId("chongqing")))).events;
    expect(chongqing.some((e) => e.summary === "OZ 123 Seoul → Chongqing")).toBe(true);
    // The demo's 27 November 2019 programme item became meeting 1: the feed has the meeting only.
    const held = (await db.select({ id: programmeItem.id }).from(programmeItem).where(eq(programmeItem.meetingId, 1)).limit(1))[0]!;
    expect(chongqing.some((e) => e.uid === "meeting-1@bridgehead")).toBe(true);
    expect(chongqing.some((e) => e.uid === `visit-item-${held.id}@bridgehead`)).toBe(false);
  });
});
