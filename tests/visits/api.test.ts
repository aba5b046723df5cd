import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createApiToken } from "@/db/queries/tokens";
import * as visitsRoute from "@/app/api/v1/visits/route";
import * as visitRoute from "@/app/api/v1/visits/[id]/route";
import { seededDb } from "../helpers/db";

type Json = Record<string, unknown>;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let editor: string;
let viewer: string;

beforeAll(async () => {
  const db: Db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  editor = (await createApiToken(db, SYSTEM_ACTOR, { name: "editor", role: "editor" })).token;
  viewer = (await createApiToken(db, SYSTEM_ACTOR, { name: "viewer", role: "viewer" })).token;
});

async function call(h: unknown, method: string, o: { id?: number; body?: unknown; token?: string } = {}) {
  const res = await (h as Handler)(
    new Request(`http://test/api/v1/visits${o.id ? `/${o.id}` : ""}`, {
      method,
      headers: { authorization: `Bearer ${o.token ?? editor}`, "content-type": "application/json" },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    }),
    { params: Promise.resolve<Record<string, string>>(o.id ? { id: String(o.id) } : {}) },
  );
  return { status: res.status, json: (await res.json()) as Json & { id: number; version: number } };
}

describe("[API] /api/v1/visits", () => {
  it("creates a visit with its programme in the place's zone, answers a stale version with 409 and bad input with 422", async () => {
    const made = await call(visitsRoute.POST, "POST", {
      body: {
        direction: "incoming",
        title: "Delegation",
        status: "planned",
        partnerIds: [1],
        programme: [{ kind: "site_visit", title: "Tour", timeZone: "Asia/Seoul", startDate: "2026-05-12", startTime: "10:00", endTime: "11:00" }],
      },
    });
    expect(made.status).toBe(201);
    expect((made.json.programme as Json[])[0]).toMatchObject({ startsAt: "2026-05-12T01:00:00.000Z", endsAt: "2026-05-12T02:00:00.000Z" });
    const ok = await call(visitRoute.PATCH, "PATCH", { id: made.json.id, body: { version: made.json.version, hotel: "First" } });
    expect(ok.status).toBe(200);
    const stale = await call(visitRoute.PATCH, "PATCH", { id: made.json.id, body: { version: made.json.version, hotel: "Second" } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: { code: "conflict" } });
    const bad = await call(visitRoute.PATCH, "PATCH", { id: made.json.id, body: { version: ok.json.version, programme: [{ kind: "meal", title: "x", timeZone: "Asia/Seoul", startDate: "2026-02-30", startTime: "10:00" }] } });
    expect(bad.status).toBe(422);
    expect((await call(visitRoute.GET, "GET", { id: made.json.id })).json).toMatchObject({ hotel: "First", version: ok.json.version });
  });

  it("lets a viewer read and not write", async () => {
    expect((await call(visitsRoute.GET, "GET", { token: viewer })).status).toBe(200);
    expect((await call(visitsRoute.POST, "POST", { token: viewer, body: { direction: "incoming", title: "x", status: "idea", partnerIds: [1] } })).status).toBe(403);
  });
});
