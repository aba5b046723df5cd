import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createApiToken } from "@/db/queries/tokens";
import { MAX_PAGE_SIZE } from "@/db/queries/common";
import { SYSTEM_ACTOR } from "@/db/audit";
import * as partnersRoute from "@/app/api/v1/partners/route";
import * as partnerRoute from "@/app/api/v1/partners/[id]/route";
import * as partnerRestore from "@/app/api/v1/partners/[id]/restore/route";
import * as meetingsRoute from "@/app/api/v1/meetings/route";
import * as meetingRoute from "@/app/api/v1/meetings/[id]/route";
import * as peopleRoute from "@/app/api/v1/people/route";
import * as personRoute from "@/app/api/v1/people/[id]/route";
import * as actionsRoute from "@/app/api/v1/actions/route";
import * as giftsRoute from "@/app/api/v1/gifts/route";
import * as milestonesRoute from "@/app/api/v1/milestones/route";
import { seededDb } from "../helpers/db";

// The route handlers called directly, as Next would, against a seeded database and real tokens.

let db: Db;
let editor: string;
let viewer: string;

beforeAll(async () => {
  db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  editor = (await createApiToken(db, SYSTEM_ACTOR, { name: "editor", role: "editor" })).token;
  viewer = (await createApiToken(db, SYSTEM_ACTOR, { name: "viewer", role: "viewer" })).token;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(h: unknown, method: string, url: string, opts: { token?: string; body?: unknown; raw?: string; id?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token ?? editor) headers.authorization = `Bearer ${opts.token ?? editor}`;
  const body = opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await (h as Handler)(new Request(`http://test${url}`, { method, headers, body }), {
    params: Promise.resolve<Record<string, string>>(opts.id ? { id: opts.id } : {}),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { error?: { code: string; fields?: Record<string, string[]> } } };
}

const chongqingMeeting = {
  partnerId: 5,
  title: "API round trip: big-data working group",
  kind: "video_call",
  status: "planned",
  date: "2026-12-03",
  time: "10:00",
  timeZone: "Asia/Shanghai",
  topics: "판교 데이터 센터 및 重庆 빅데이터",
  participants: [{ newPerson: { nameEn: "Wang Fang", nameLocal: "王芳", side: "partner" }, role: "lead", titleAtTime: "Director" }],
  actions: [{ title: "Send the draft agenda", side: "ours", dueOn: "2026-12-01" }],
};

describe("[API] /api/v1", () => {
  it("creates a meeting from the meeting form's payload and reads it back with its participants", async () => {
    const partners = await call(partnersRoute.GET, "GET", "/api/v1/partners?q=Chongqing");
    const cq = (partners.json.data as { id: number; slug: string }[])[0]!;
    expect(cq.slug).toBe("chongqing");
    const created = await call(meetingsRoute.POST, "POST", "/api/v1/meetings", { body: { ...chongqingMeeting, partnerId: cq.id } });
    expect(created.status).toBe(201);
    const id = String(created.json.id);
    const got = await call(meetingRoute.GET, "GET", `/api/v1/meetings/${id}`, { id });
    expect(got.status).toBe(200);
    expect(got.json.title).toBe(chongqingMeeting.title);
    expect(got.json.startsAt).toBe("2026-12-03T02:00:00.000Z");
    expect((got.json.participants as { titleAtTime: string }[])[0]!.titleAtTime).toBe("Director");
    const found = await call(meetingsRoute.GET, "GET", `/api/v1/meetings?q=${encodeURIComponent("重庆")}&status=planned`);
    expect((found.json.data as { id: number }[]).map((m) => m.id)).toContain(Number(id));
  });

  it("PATCH changes only what is sent; a stale version is a 409 in the error shape", async () => {
    const list = await call(peopleRoute.GET, "GET", "/api/v1/people?q=Tang");
    const p = (list.json.data as { id: number; version: number; title: string; nameEn: string }[])[0]!;
    const id = String(p.id);
    const ok = await call(personRoute.PATCH, "PATCH", `/api/v1/people/${id}`, { id, body: { version: p.version, title: "Former Mayor" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ title: "Former Mayor", nameEn: p.nameEn, version: p.version + 1 });
    const stale = await call(personRoute.PATCH, "PATCH", `/api/v1/people/${id}`, { id, body: { version: p.version, title: "Mayor" } });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatchObject({ code: "conflict", message: expect.stringContaining("editor") as unknown });
    const missing = await call(personRoute.PATCH, "PATCH", `/api/v1/people/${id}`, { id, body: { title: "Mayor" } });
    expect(missing.status).toBe(422);
    expect(missing.json.error!.fields).toHaveProperty("version");
  });

  it("answers bad input with 4xx and the error shape, never a 500", async () => {
    const cases: [unknown, string, string, Parameters<typeof call>[3]][] = [
      [partnersRoute.POST, "POST", "/api/v1/partners", { raw: "{not json" }],
      [partnersRoute.POST, "POST", "/api/v1/partners", { raw: "[1,2]" }],
      [partnersRoute.POST, "POST", "/api/v1/partners", { raw: "" }],
      [partnersRoute.POST, "POST", "/api/v1/partners", { body: { slug: 12, nameEn: ["x"], kind: "planet" } }],
      [partnersRoute.POST, "POST", "/api/v1/partners", { raw: JSON.stringify({ summary: "x".repeat(1_100_000) }) }],
      [partnerRoute.GET, "GET", "/api/v1/partners/abc", { id: "abc" }],
      [partnerRoute.GET, "GET", "/api/v1/partners/-1", { id: "-1" }],
      [partnerRoute.GET, "GET", "/api/v1/partners/99999", { id: "99999" }],
      [partnerRoute.GET, "GET", "/api/v1/partners/1e3", { id: "1e3" }],
      [partnersRoute.GET, "GET", "/api/v1/partners?cursor=garbage", {}],
      [partnersRoute.GET, "GET", "/api/v1/partners?status=sleepy", {}],
      [partnersRoute.GET, "GET", "/api/v1/partners?limit=abc", {}],
      [meetingsRoute.POST, "POST", "/api/v1/meetings", { body: { ...chongqingMeeting, partnerId: 424242 } }],
      [meetingsRoute.POST, "POST", "/api/v1/meetings", { body: { ...chongqingMeeting, date: "2019-02-30" } }],
      [actionsRoute.POST, "POST", "/api/v1/actions", { body: { partnerId: "x", title: "" } }],
    ];
    const seen: number[] = [];
    for (const [h, method, url, opts] of cases) {
      const r = await call(h, method, url, opts);
      seen.push(r.status);
      expect(r.json.error).toMatchObject({ code: expect.any(String) as unknown, message: expect.any(String) as unknown });
    }
    expect(seen).toEqual([400, 400, 400, 422, 413, 400, 400, 404, 400, 400, 422, 422, 422, 422, 422]);
  });

  it("refuses writes to a viewer's token (403) and anything without a token (401)", async () => {
    const w = await call(partnersRoute.POST, "POST", "/api/v1/partners", { token: viewer, body: {} });
    expect(w.status).toBe(403);
    expect(w.json.error!.code).toBe("forbidden");
    const r = await call(partnersRoute.GET, "GET", "/api/v1/partners", { token: viewer });
    expect(r.status).toBe(200);
    const bad = await call(partnersRoute.GET, "GET", "/api/v1/partners", { token: "bh_not-a-token" });
    expect(bad.status).toBe(401);
  });

  it("archives with DELETE, hides the record from lists, and restores it", async () => {
    const created = await call(partnersRoute.POST, "POST", "/api/v1/partners", {
      body: { slug: "osaka", nameEn: "Osaka Prefecture", nameKo: "오사카부", nameLocal: "大阪府", country: "jp", kind: "prefecture", level: "exploring", status: "exploring", since: "2024-05", timeZone: "Asia/Tokyo" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ country: "JP", sinceDate: "2024-05-01", sincePrecision: "month" });
    const id = String(created.json.id);
    const del = await call(partnerRoute.DELETE, "DELETE", `/api/v1/partners/${id}`, { id });
    expect(del.status).toBe(200);
    expect(del.json.archivedAt).not.toBeNull();
    const list = await call(partnersRoute.GET, "GET", "/api/v1/partners?q=Osaka");
    expect(list.json.data).toEqual([]);
    const withArchived = await call(partnersRoute.GET, "GET", "/api/v1/partners?q=Osaka&archived=1");
    expect(withArchived.json.data).toHaveLength(1);
    const back = await call(partnerRestore.POST, "POST", `/api/v1/partners/${id}/restore`, { id });
    expect(back.json.archivedAt).toBeNull();
  });

  it("pages gifts, milestones and actions with a capped limit", async () => {
    for (const h of [giftsRoute.GET, milestonesRoute.GET, actionsRoute.GET]) {
      const r = await call(h, "GET", "/api/v1/x?limit=1000000");
      expect(r.status).toBe(200);
      expect((r.json.data as unknown[]).length).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    }
    const first = await call(actionsRoute.GET, "GET", "/api/v1/actions?limit=1");
    expect(first.json.data).toHaveLength(1);
    expect(typeof first.json.next_cursor).toBe("string");
  });
});
