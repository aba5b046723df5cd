import { execFileSync } from "node:child_process";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as feed } from "@/app/api/v1/calendar.ics/route";
import { SYSTEM_ACTOR } from "@/db/audit";
import type { Db } from "@/db/client";
import { createAction } from "@/db/queries/actions";
import { createApiToken } from "@/db/queries/tokens";
import { itemHandlers } from "@/server/api/handlers";
import { seededDb } from "../helpers/db";

// The feed read by two independent parsers, Python's icalendar (Debian's python3-icalendar) and
// ical.js, across an edit: SEQUENCE rises, a cancelled meeting says so, reminders are there.

const PYTHON = process.env.PYTHON_ICALENDAR ?? "/usr/bin/python3";
const READ = `
import sys, json, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = []
for e in cal.walk("VEVENT"):
    out.append({
        "uid": str(e["UID"]),
        "sequence": int(e["SEQUENCE"]),
        "status": str(e.get("STATUS", "")),
        "dtstamp": e["DTSTAMP"].to_ical().decode(),
        "start": e["DTSTART"].dt.isoformat(),
        "alarms": [a["TRIGGER"].to_ical().decode() for a in e.walk("VALARM")],
    })
print(json.dumps(out))
`;

type PyEvent = { uid: string; sequence: number; status: string; dtstamp: string; start: string; alarms: string[] };
let db: Db;
let calendarToken: string;
let apiToken: string;

beforeAll(async () => {
  db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  await createAction(db, SYSTEM_ACTOR, { partnerId: 5, title: "Send the big-data proposal", side: "ours", dueOn: "2099-01-15" });
  calendarToken = (await createApiToken(db, SYSTEM_ACTOR, { name: "desk", role: "viewer", scope: "calendar" })).token;
  apiToken = (await createApiToken(db, SYSTEM_ACTOR, { name: "editor", role: "editor" })).token;
});

async function ics(): Promise<string> {
  const res = await feed(new Request(`http://test/api/v1/calendar.ics?token=${calendarToken}`));
  expect(res.status).toBe(200);
  return res.text();
}

function python(text: string): PyEvent[] {
  return JSON.parse(execFileSync(PYTHON, ["-c", READ], { input: text, encoding: "utf8" })) as PyEvent[];
}

function icalJs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents("vevent").map((e) => ({
    event: new ICAL.Event(e),
    sequence: Number(e.getFirstPropertyValue("sequence")),
    status: e.getFirstPropertyValue("status") as string | null,
    alarms: e.getAllSubcomponents("valarm").map((a) => String(a.getFirstPropertyValue("trigger"))),
  }));
}

async function patchMeeting(body: Record<string, unknown>) {
  const h = itemHandlers("meetings");
  const headers = { authorization: `Bearer ${apiToken}`, "content-type": "application/json" };
  const cur = (await (await h.GET(new Request("http://test/x", { headers }), { params: Promise.resolve({ id: "1" }) })).json()) as { version: number };
  const res = await h.PATCH(new Request("http://test/x", { method: "PATCH", headers, body: JSON.stringify({ version: cur.version, ...body }) }), {
    params: Promise.resolve({ id: "1" }),
  });
  expect(res.status).toBe(200);
}

describe("[REPORTS] the calendar feed in python3-icalendar and ical.js", () => {
  it("writes SEQUENCE from the version, rising after an edit, and DTSTAMP in UTC", async () => {
    const before = python(await ics());
    const m1 = before.find((e) => e.uid === "meeting-1@bridgehead")!;
    expect(m1.start).toBe("2019-11-27T15:00:00+08:00");
    expect(m1.dtstamp).toMatch(/^\d{8}T\d{6}Z$/);
    expect(m1.status).toBe("CONFIRMED");
    await patchMeeting({ venue: "Chongqing, second room" });
    const text = await ics();
    const after = python(text);
    expect(after.find((e) => e.uid === "meeting-1@bridgehead")!.sequence).toBe(m1.sequence + 1);
    const js = icalJs(text).find((e) => e.event.uid === "meeting-1@bridgehead")!;
    expect(js.sequence).toBe(m1.sequence + 1);
    expect(js.event.startDate.toJSDate().toISOString()).toBe("2019-11-27T07:00:00.000Z");
  });

  it("marks a cancelled meeting CANCELLED, without a reminder; others remind a day before", async () => {
    const live = python(await ics()).find((e) => e.uid === "meeting-1@bridgehead")!;
    expect(live.alarms).toEqual(["-P1D"]);
    await patchMeeting({ status: "cancelled" });
    const text = await ics();
    const py = python(text).find((e) => e.uid === "meeting-1@bridgehead")!;
    expect(py).toMatchObject({ status: "CANCELLED", alarms: [], sequence: live.sequence + 1 });
    expect(icalJs(text).find((e) => e.event.uid === "meeting-1@bridgehead")!.status).toBe("CANCELLED");
  });

  it("reminds of a due date a week before and on the day, at 09:00", async () => {
    const text = await ics();
    const due = python(text).find((e) => e.uid.endsWith("-due@bridgehead") && e.start === "2099-01-15")!;
    expect(due.alarms).toEqual(["-P6DT15H", "PT9H"]);
    expect(due.sequence).toBe(0);
    const js = icalJs(text).find((e) => e.event.uid === due.uid)!;
    expect(js.alarms).toEqual(["-P6DT15H", "PT9H"]);
    expect(js.event.startDate.isDate).toBe(true);
  });
});
