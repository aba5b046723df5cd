import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createApiToken } from "@/db/queries/tokens";
import * as partnersList from "@/app/(app)/partners/list.json/route";
import * as peopleList from "@/app/(app)/people/list.json/route";
import { seededDb } from "../helpers/db";

// The lists' reads in the browser are GETs now (server actions are for writes): the same guard,
// validation and answer as the rest of the HTTP surface.

let db: Db;
let viewer: string;

beforeAll(async () => {
  db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  viewer = (await createApiToken(db, SYSTEM_ACTOR, { name: "viewer", role: "viewer" })).token;
});

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function get(h: Handler, url: string, token: string | null = viewer) {
  const res = await h(new Request(`http://test${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as { rows?: { slug?: string; nameEn?: string }[]; total?: number; error?: { code: string } } };
}

describe("[RECORDS] list reads over GET", () => {
  it("answers a viewer with the page the list shows, filtered by the URL's params", async () => {
    const all = await get(partnersList.GET, "/partners/list.json");
    expect(all.status).toBe(200);
    expect(all.json.rows!.map((r) => r.slug)).toContain("chongqing");
    const found = await get(partnersList.GET, "/partners/list.json?q=chongqing");
    expect(found.json.rows!.map((r) => r.slug)).toEqual(["chongqing"]);
    expect(found.json.total).toBe(1);
  });

  it("reads the people list the same way", async () => {
    const r = await get(peopleList.GET, "/people/list.json?sort=name");
    expect(r.status).toBe(200);
    expect(r.json.rows!.length).toBeGreaterThan(0);
  });

  it("refuses a bad filter with 422 and no caller with 401", async () => {
    expect((await get(partnersList.GET, "/partners/list.json?status=bogus")).json.error?.code).toBe("validation_failed");
    expect((await get(partnersList.GET, "/partners/list.json?status=bogus")).status).toBe(422);
    expect((await get(peopleList.GET, "/people/list.json?page=0")).status).toBe(422);
    expect((await get(partnersList.GET, "/partners/list.json", null)).status).toBe(401);
  });
});
