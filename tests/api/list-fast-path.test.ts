import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { closeDb, openDb, type Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { runMigrations } from "@/db/migrate";
import { user } from "@/db/schema";
import { createApiToken, revokeApiToken, verifyApiToken } from "@/db/queries/tokens";
import { createUser } from "@/db/queries/users";
import { paramsRecord, cursorSchema } from "@/lib/validation/lists";
import { parseInput } from "@/lib/validation/common";
import { collectionHandlers } from "@/server/api/handlers";
import { RESOURCES, type ApiResource } from "@/server/api/resources";
import { listEncoder } from "@/server/api/responses";
import { onPostgres, seededDb } from "../helpers/db";

// The list endpoints answer from prepared statements read as arrays and written straight to JSON
// (db/queries/list-rows.ts, server/api/list-json.ts). Their body must be byte for byte what the
// drizzle path (r.list, listEncoder, JSON.stringify) gives for the same request: on every demo
// list, with each filter the list takes (values taken from the data), limits and every cursor.

let db: Db;
let token: string;

beforeAll(async () => {
  db = await seededDb();
  (globalThis as unknown as { __bridgeheadDb: Db }).__bridgeheadDb = db;
  token = (await createApiToken(db, SYSTEM_ACTOR, { name: "fast-path", role: "viewer" })).token;
});

/** The old answer: drizzle's select, row objects, listEncoder and JSON.stringify. */
async function oldBody(r: ApiResource, query: URLSearchParams): Promise<string> {
  const params = parseInput(r.listSchema.extend(cursorSchema.shape), paramsRecord(query));
  const page = await r.list(db, params);
  return JSON.stringify({ data: page.data.map(listEncoder(r.record)), next_cursor: page.next_cursor });
}

async function newAnswer(r: ApiResource, query: URLSearchParams): Promise<Response> {
  const { GET } = collectionHandlers(r.path);
  return await GET(new Request(`http://test/api/v1/${r.path}?${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
}

// A filter key → the row field whose values it matches.
const FIELD: Record<string, string> = { partner: "partnerId", meeting: "meetingId", owner: "ownerPersonId" };

/** Query strings for a list: none, archived, and each filter with up to three values from the rows. */
function queries(r: ApiResource, rows: Record<string, unknown>[]): URLSearchParams[] {
  const out = [new URLSearchParams(), new URLSearchParams({ archived: "true" })];
  for (const key of Object.keys(r.listSchema.shape)) {
    if (key === "archived") continue;
    let values: string[];
    if (key === "q") values = [(((rows[0]?.title ?? rows[0]?.nameEn) as string | undefined) ?? "a").split(/\s+/)[0]!, "zzzz-nothing"];
    else if (key === "from") values = ["2020-01-01", "2026-06-01"];
    else if (key === "to") values = ["2025-12-31"];
    else if (key === "due") values = ["overdue", "week", "none"];
    else if (key === "status" && r.path === "actions") values = ["unfinished", "done"];
    else {
      const field = FIELD[key] ?? key;
      values = [...new Set(rows.map((row) => row[field]).filter((v) => v !== null && v !== undefined).map(String))].slice(0, 3);
    }
    for (const v of values) out.push(new URLSearchParams({ [key]: v }), new URLSearchParams({ [key]: v, archived: "true" }));
  }
  return out;
}

describe("[API] the lists' fast path", () => {
  it("answers every list, filter, limit and cursor byte for byte as the drizzle path does", async () => {
    let pages = 0;
    for (const r of RESOURCES) {
      const rows = (await r.list(db, { limit: 200, archived: true })).data;
      expect(rows.length, r.path).toBeGreaterThan(0);
      for (const base of queries(r, rows)) {
        for (const limit of [undefined, "1", "3", "1000"]) {
          const q = new URLSearchParams(base);
          if (limit) q.set("limit", limit);
          for (let walked = 0; walked < 60; walked++) {
            const res = await newAnswer(r, q);
            expect(res.status, `${r.path}?${q}`).toBe(200);
            expect(res.headers.get("content-type")).toBe("application/json");
            const body = await res.text();
            expect(body, `${r.path}?${q}`).toBe(await oldBody(r, q));
            pages++;
            const next = (JSON.parse(body) as { next_cursor: string | null }).next_cursor;
            if (!next) break;
            q.set("cursor", next);
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(100);
  });

  it("refuses bad parameters with a 4xx, as the parameters' parse did before", async () => {
    const r = RESOURCES.find((x) => x.path === "meetings")!;
    for (const q of ["cursor=bm90LWEtY3Vyc29y", "limit=0", "limit=abc", "partner=-1", "from=2020-13-40"]) {
      // Twice: the parsed parameters are kept per query string, refusals are not.
      for (const _ of [1, 2]) expect([400, 422], q).toContain((await newAnswer(r, new URLSearchParams(q))).status);
      await expect(oldBody(r, new URLSearchParams(q)), q).rejects.toThrow();
    }
  });
});

describe("[API] the bearer check, with its lookup prepared once", () => {
  const get = async (bearer: string) =>
    (await collectionHandlers("meetings").GET(new Request("http://test/api/v1/meetings?limit=1", { headers: { authorization: `Bearer ${bearer}` } }), { params: Promise.resolve({}) })).status;

  it("a revoked token is refused on the very next request", async () => {
    const t = await createApiToken(db, SYSTEM_ACTOR, { name: "to-revoke", role: "viewer" });
    expect(await get(t.token)).toBe(200);
    expect(await get(t.token)).toBe(200);
    await revokeApiToken(db, SYSTEM_ACTOR, t.id);
    expect(await get(t.token)).toBe(401);
  });

  it("a token whose creator is deactivated is refused on the very next request", async () => {
    const u = await createUser(db, SYSTEM_ACTOR, { email: "fast-path@example.org", name: "Fast Path", role: "editor", password: "a-long-password-123" });
    const t = await createApiToken(db, { userId: u.id, label: u.email, role: "editor" }, { name: "theirs", role: "viewer" });
    expect(await get(t.token)).toBe(200);
    // The bare flag, not setUserActive (which also revokes their tokens): the creator's state is read on every use.
    await db.update(user).set({ banned: true }).where(eq(user.id, u.id));
    expect(await get(t.token)).toBe(401);
    await db.update(user).set({ banned: false }).where(eq(user.id, u.id));
    expect(await get(t.token)).toBe(200);
  });

  it.skipIf(onPostgres)("a revocation through another connection (another process, the CLI) is seen at once", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-token-")), "t.db");
    const a = openDb(file);
    await runMigrations(a);
    const b = openDb(file);
    try {
      const t = await createApiToken(a, SYSTEM_ACTOR, { name: "elsewhere", role: "viewer" });
      expect(await verifyApiToken(a, t.token)).not.toBeNull();
      await revokeApiToken(b, SYSTEM_ACTOR, t.id);
      expect(await verifyApiToken(a, t.token)).toBeNull();
    } finally {
      await closeDb(a);
      await closeDb(b);
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
