import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createApiToken } from "@/db/queries/tokens";
import { collectionHandlers, itemHandlers } from "@/server/api/handlers";
import { RESOURCES } from "@/server/api/resources";
import { seededDb } from "../helpers/db";

// Whatever a GET returns can be sent back: PUT of the GET as it is changes nothing, a PATCH of one
// field changes that field alone, and null (how the API says "not given") is taken on the way in.

type Json = Record<string, unknown> & { id: number; version: number };
let db: Db;
let token: string;

beforeAll(async () => {
  db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  token = (await createApiToken(db, SYSTEM_ACTOR, { name: "round-trip", role: "editor" })).token;
});

async function call(path: string, method: string, id?: number, body?: unknown): Promise<{ status: number; json: Json & { error?: unknown } }> {
  const h = id === undefined ? collectionHandlers(path) : itemHandlers(path);
  const fn = (h as Record<string, (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>>)[method]!;
  const req = new Request(`http://test/api/v1/${path}${id ? `/${id}` : "?limit=200"}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await fn(req, { params: Promise.resolve({ id: String(id ?? "") }) });
  return { status: res.status, json: (await res.json()) as Json };
}

/** The record without what every write moves on: its version and time stamps, participant rows' ids. */
function content(r: Json): Record<string, unknown> {
  const { version: _v, updatedAt: _u, ...rest } = r;
  if (Array.isArray(rest.participants))
    rest.participants = (rest.participants as Json[]).map(({ id: _i, createdAt: _c, updatedAt: _x, ...p }) => p);
  return rest;
}

/** A text field of each resource that a PATCH changes, and a nullable one with a value to set first. */
const FIELDS: Record<string, { text: string; nullable: string; set: Record<string, unknown>; clear?: Record<string, null> }> = {
  partners: { text: "summary", nullable: "latitude", set: { latitude: 29.56, longitude: 106.55 } },
  people: { text: "title", nullable: "notes", set: { notes: "Met twice." } },
  meetings: { text: "title", nullable: "venue", set: { venue: "Chongqing Grand Hotel" } },
  actions: { text: "title", nullable: "description", set: { description: "Draft first." } },
  gifts: { text: "item", nullable: "currency", set: { estimatedValue: 120, currency: "USD" }, clear: { estimatedValue: null } },
  milestones: { text: "title", nullable: "notes", set: { notes: "Signed in Seoul." } },
  visits: { text: "title", nullable: "hotel", set: { hotel: "Hotel to be chosen" } },
};

describe("[API] round trips on the demo data", () => {
  for (const r of RESOURCES) {
    it(`${r.path}: PUT of a GET is accepted and changes nothing; PATCH of one field changes only it`, async () => {
      const list = await call(r.path, "GET");
      expect(list.status).toBe(200);
      const rows = list.json.data as Json[];
      expect(rows.length).toBeGreaterThan(0);
      const field = FIELDS[r.path]!;
      for (const { id } of rows) {
        const before = (await call(r.path, "GET", id)).json;
        const put = await call(r.path, "PUT", id, before);
        expect(put.status, `PUT ${r.path}/${id}: ${JSON.stringify(put.json.error)}`).toBe(200);
        expect(content(put.json)).toEqual(content(before));

        const patched = await call(r.path, "PATCH", id, { version: put.json.version, [field.text]: `${String(before[field.text])} (checked)` });
        expect(patched.status, `PATCH ${r.path}/${id}: ${JSON.stringify(patched.json.error)}`).toBe(200);
        const after = (await call(r.path, "GET", id)).json;
        expect(after.version).toBe(put.json.version + 1);
        expect(content(after)).toEqual({ ...content(before), [field.text]: `${String(before[field.text])} (checked)` });
      }
    });

    it(`${r.path}: null clears a nullable field, and the record with the null goes back in`, async () => {
      const { nullable: field, set, clear } = FIELDS[r.path]!;
      const [first] = (await call(r.path, "GET")).json.data as Json[];
      const filled = await call(r.path, "PATCH", first!.id, { version: first!.version, ...set });
      expect(filled.json[field]).toEqual(set[field]);
      const cleared = await call(r.path, "PATCH", first!.id, { version: filled.json.version, [field]: null, ...clear });
      expect(cleared.status, JSON.stringify(cleared.json.error)).toBe(200);
      expect(cleared.json[field]).toBeNull();
      const again = await call(r.path, "PUT", first!.id, cleared.json);
      expect(again.status, JSON.stringify(again.json.error)).toBe(200);
      expect(again.json[field]).toBeNull();
    });
  }

  it("meetings: a PATCH of startsAt alone moves the meeting; date and time in its zone do too", async () => {
    const m = (await call("meetings", "GET", 1)).json;
    const moved = await call("meetings", "PATCH", 1, { version: m.version, startsAt: "2019-11-27T08:30:00.000Z" });
    expect(moved.status, JSON.stringify(moved.json.error)).toBe(200);
    expect(moved.json.startsAt).toBe("2019-11-27T08:30:00.000Z");
    const wall = await call("meetings", "PATCH", 1, { version: moved.json.version, date: "2019-11-27", time: "15:00" });
    expect(wall.json.startsAt).toBe("2019-11-27T07:00:00.000Z");
    const bad = await call("meetings", "PATCH", 1, { version: wall.json.version, startsAt: "yesterday" });
    expect(bad.status).toBe(422);
  });

  it("meetings: gifts keep their ids and archive state through a meeting PATCH; listed actions are not copied", async () => {
    const m = (await call("meetings", "GET", 1)).json as Json & { gifts: Json[]; actions: Json[] };
    const gift = m.gifts[0]!;
    const archived = (await call("gifts", "DELETE", gift.id)).json;
    expect(archived.archivedAt).not.toBeNull();
    const fresh = (await call("meetings", "GET", 1)).json as Json & { gifts: Json[]; actions: Json[] };
    const put = await call("meetings", "PUT", 1, fresh);
    expect(put.status).toBe(200);
    const after = (await call("meetings", "GET", 1)).json as Json & { gifts: Json[]; actions: Json[] };
    expect(after.gifts.map((g) => g.id)).toEqual(m.gifts.map((g) => g.id));
    expect(after.gifts[0]!.archivedAt).toBe(archived.archivedAt);
    expect(after.actions.map((a) => a.id)).toEqual(m.actions.map((a) => a.id));
    const foreign = await call("meetings", "PATCH", 1, { version: after.version, gifts: [{ id: 99999, direction: "given", item: "x" }] });
    expect(foreign.status).toBe(422);
  });
});
