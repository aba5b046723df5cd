import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { commitImport } from "@/db/queries/import";
import { createApiToken } from "@/db/queries/tokens";
import { meeting, partner } from "@/db/schema";
import * as meetingsRoute from "@/app/api/v1/meetings/route";
import * as meetingRoute from "@/app/api/v1/meetings/[id]/route";
import * as boardActionRoute from "@/app/api/v1/board/actions/[id]/route";
import * as peopleOptionsRoute from "@/app/(app)/meetings/people-options/route";
import { GET as feed } from "@/app/api/v1/calendar.ics/route";
import { readJson } from "@/server/http";
import { parseExportParams } from "@/server/export/reports";
import { cleanText, id } from "@/lib/validation/common";
import { EDITOR, seededDb } from "../helpers/db";

// What an attacker sends that a browser never does: characters that hide or break text, ids
// spelled as something else, and bodies without an end.

let db: Db;
let editor: string;

beforeAll(async () => {
  db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  editor = (await createApiToken(db, SYSTEM_ACTOR, { name: "editor", role: "editor" })).token;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(h: unknown, method: string, url: string, opts: { body?: unknown; id?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${editor}` };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const res = await (h as Handler)(new Request(`http://test${url}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }), {
    params: Promise.resolve<Record<string, string>>(opts.id !== undefined ? { id: opts.id } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string; fields?: Record<string, string[]> } } };
}

const chongqing = async () => (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!.id;
const newMeeting = async (over: Record<string, unknown> = {}) => ({
  partnerId: await chongqing(),
  title: "Hostile input check",
  kind: "meeting",
  status: "planned",
  date: "2099-02-03",
  time: "10:00",
  timeZone: "Asia/Shanghai",
  ...over,
});

// NUL, RIGHT-TO-LEFT OVERRIDE, LEFT-TO-RIGHT ISOLATE, a lone high and a lone low surrogate.
const HOSTILE = "Smart\u0000 city \u202Egnp.exe\u2066 forum \uD800 and \uDFFF end";
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/;

describe("[SECURITY] text fields", () => {
  it("strips NUL, bidirectional overrides and lone surrogates, and keeps real text and emoji", () => {
    expect(cleanText(HOSTILE)).toBe("Smart city gnp.exe forum  and  end");
    expect(cleanText("重庆 충칭 🇰🇷 שלום\tline\nnext")).toBe("重庆 충칭 🇰🇷 שלום\tline\nnext");
  });

  it("an API write with them stores none, and the calendar feed never carries them", async () => {
    const created = await call(meetingsRoute.POST, "POST", "/api/v1/meetings", {
      body: await newMeeting({ title: HOSTILE, summary: `Summary\u0000 with \u202Ehidden`, participants: [{ newPerson: { nameEn: "Wang\u0000 \u202EFang", side: "partner" } }] }),
    });
    expect(created.status).toBe(201);
    const row = (await db.select().from(meeting).where(eq(meeting.id, created.json.id as number)).limit(1))[0]!;
    expect(row.title).toBe("Smart city gnp.exe forum  and  end");
    expect(UNSAFE.test(row.summary ?? "")).toBe(false);
    expect(JSON.stringify(created.json)).not.toMatch(/\\u0000|\\u202e|\u202E/i);

    const edited = await call(meetingRoute.PATCH, "PATCH", `/api/v1/meetings/${row.id}`, { id: String(row.id), body: { version: row.version, venue: "Hall\u0000 \u2067B" } });
    expect(edited.status).toBe(200);
    expect((await db.select().from(meeting).where(eq(meeting.id, row.id)).limit(1))[0]!.venue).toBe("Hall B");

    const { token } = await createApiToken(db, SYSTEM_ACTOR, { name: "feed", role: "viewer", scope: "calendar" });
    const ics = await (await feed(new Request(`http://test/api/v1/calendar.ics?token=${token}`))).text();
    expect(ics).toContain("Smart city gnp.exe forum");
    expect(UNSAFE.test(ics)).toBe(false);
  });

  it("a CSV import with them stores none", async () => {
    const csv = ["partner,title,kind,status,date,time,timeZone", `chongqing,"Import\u0000 \u202Etest",meeting,held,2020-01-15,10:00,Asia/Shanghai`].join("\r\n");
    // A file is bytes: a lone surrogate cannot be in UTF-8 at all (the import refuses U+FFFD by row).
    expect(await commitImport(db, EDITOR, { kind: "meetings", bytes: new TextEncoder().encode(csv) })).toMatchObject({ ok: true, created: 1 });
    const titles = (await db.select({ title: meeting.title }).from(meeting)).map((r) => r.title);
    expect(titles).toContain("Import test");
    expect(titles.some((t) => UNSAFE.test(t))).toBe(false);
  });
});

const NOT_IDS = ["1e3", "0x1", " 1", "1.0", "+1", "1_0", "１"];

describe("[SECURITY] ids are digits only", () => {
  it("the shared id schema refuses numbers spelled otherwise, and true", () => {
    expect(id.parse("12")).toBe(12);
    expect(id.parse(12)).toBe(12);
    for (const v of [...NOT_IDS, true, "", 0, -1, 1.5, "9007199254740993"]) expect(id.safeParse(v).success, JSON.stringify(v)).toBe(false);
  });

  it("a body id such as partnerId \"0x5\", 1e3-as-text or true is a 422 naming the field, and saves nothing", async () => {
    const before = (await db.select({ id: meeting.id }).from(meeting)).length;
    for (const partnerId of [`0x${(await chongqing()).toString(16)}`, "1e3", true, ` ${await chongqing()}`, `${await chongqing()}.0`]) {
      const r = await call(meetingsRoute.POST, "POST", "/api/v1/meetings", { body: await newMeeting({ partnerId }) });
      expect(r.status, String(partnerId)).toBe(422);
      expect(Object.keys(r.json.error?.fields ?? {})).toContain("partnerId");
    }
    expect((await db.select({ id: meeting.id }).from(meeting)).length).toBe(before);
  });

  it("path and query ids other than digits are refused", async () => {
    for (const raw of [...NOT_IDS, "true"]) {
      expect((await call(meetingRoute.GET, "GET", `/api/v1/meetings/${encodeURIComponent(raw)}`, { id: raw })).status, raw).toBe(400);
      expect((await call(boardActionRoute.GET, "GET", `/api/v1/board/actions/${encodeURIComponent(raw)}`, { id: raw })).status, raw).toBe(400);
      expect((await call(meetingsRoute.GET, "GET", `/api/v1/meetings?partner=${encodeURIComponent(raw)}`)).status, raw).toBe(422);
      expect(() => parseExportParams("meetings", new URLSearchParams({ format: "csv", partner: raw })), raw).toThrow();
    }
    // The form's person picker treats a non-id as "no partner": our side only, never partner 1000.
    const picker = await call(peopleOptionsRoute.GET, "GET", `/meetings/people-options?partner=${await chongqing()}e0`);
    const ours = await call(peopleOptionsRoute.GET, "GET", "/meetings/people-options");
    expect(picker.json).toEqual(ours.json);
  });
});

describe("[SECURITY] request bodies", () => {
  it("a chunked 40 MB body without Content-Length is cut at 1 MB: 413, and the rest is never read", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= 40 * 2 ** 20) return c.close();
        sent += chunk.byteLength;
        c.enqueue(chunk);
      },
    });
    const req = new Request("http://test/api/v1/meetings", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readJson(req)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
    expect(sent).toBeLessThan(2 * 2 ** 20);
  });
});
