import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM_ACTOR } from "@/db/audit";
import type { Db } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { action } from "@/db/schema";
import { seededDb } from "../helpers/db";

// The route under test with a real database; only "who is signed in" is stood in for.
const state: { db: Db | null; userId: string | null } = { db: null, userId: null };
vi.mock("@/db", () => ({ getDb: () => state.db }));
vi.mock("@/server/auth/server", () => ({
  getAuth: () => ({ api: { getSession: () => Promise.resolve(state.userId ? { user: { id: state.userId }, session: { id: "s", createdAt: new Date() } } : null) } }),
}));

const ids: Record<string, string> = {};
beforeAll(async () => {
  state.db = await seededDb();
  for (const role of ["viewer", "editor"] as const)
    ids[role] = (await createUser(state.db, SYSTEM_ACTOR, { email: `${role}@route.test`, name: role, role, password: "correct-horse-battery" })).id;
});

async function post(body: unknown, as: "viewer" | "editor" | null, headers: Record<string, string> = { "sec-fetch-site": "same-origin" }) {
  state.userId = as ? ids[as]! : null;
  const { POST } = await import("@/app/api/v1/board/move/route");
  return POST(new Request("http://localhost/api/v1/board/move", { method: "POST", body: JSON.stringify(body), headers }), { params: Promise.resolve({}) });
}
const first = async () => (await state.db!.select().from(action).where(eq(action.status, "open")).limit(1))[0]!;

describe("[BOARD] POST /api/v1/board/move", () => {
  it("refuses a viewer's forged move with 403 JSON and changes nothing", async () => {
    const a = await first();
    const r = await post({ id: a.id, version: a.version, status: "done" }, "viewer");
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect((await state.db!.select().from(action).where(eq(action.id, a.id)).limit(1))[0]!.status).toBe("open");
  });

  it("refuses the signed-out (401) and a cross-site cookie write (403)", async () => {
    const a = await first();
    expect((await post({ id: a.id, version: a.version, status: "done" }, null)).status).toBe(401);
    expect((await post({ id: a.id, version: a.version, status: "done" }, "editor", { "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("lets an editor move, answers a stale version with 409 and bad input with 422", async () => {
    const a = await first();
    const ok = await post({ id: a.id, version: a.version, status: "in_progress" }, "editor");
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { status: string }).status).toBe("in_progress");
    const stale = await post({ id: a.id, version: a.version, status: "done" }, "editor");
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string; message: string } }).error.message).toContain("editor@route.test");
    expect((await post({ id: a.id, version: "x", status: "nowhere" }, "editor")).status).toBe(422);
  });
});
