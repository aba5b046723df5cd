import net from "node:net";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { appDatabaseUrl } from "../helpers/db";
import { SYSTEM_ACTOR } from "@/db/audit";
import { runMigrations } from "@/db/migrate";
import { createUser } from "@/db/queries/users";

// A server action whose database goes away answers the form with a message in the reader's
// language (code "unavailable"), not "something went wrong". Next's request scope is stood in
// for: the cookies of "this request" are the signed-in browser's.
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: request.cookie }),
  cookies: async () => ({
    get: (name: string) => {
      const hit = request.cookie.split(";").map((p) => p.trim().split("=")).find(([k]) => k === name);
      return hit ? { name, value: hit.slice(1).join("=") } : undefined;
    },
  }),
}));

vi.stubEnv("DATABASE_URL", await appDatabaseUrl());
vi.stubEnv("BETTER_AUTH_SECRET", "action-unavailable-test-secret-action-unavailable");
vi.stubEnv("BETTER_AUTH_URL", "http://localhost:3000");

const { getDb } = await import("@/db");
const { getAuth } = await import("@/server/auth/server");
const { runCommand } = await import("@/server/auth/command");

/** The error node-postgres gives when nothing listens where the database should be. */
async function refused(): Promise<Error> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/none` }).connect().then(
    () => new Error("connected"),
    (e: unknown) => e as Error,
  );
}

let session = "";
beforeAll(async () => {
  const db = getDb();
  await runMigrations(db);
  await createUser(db, SYSTEM_ACTOR, { email: "editor@example.org", name: "Editor", role: "editor", password: "Chongqing-bigdata-2019" });
  const r = await getAuth().api.signInEmail({ body: { email: "editor@example.org", password: "Chongqing-bigdata-2019" }, headers: new Headers(), returnHeaders: true });
  session = r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
});

describe("a server action without its database", () => {
  it("says so in the reader's language, and a bug is still an internal error", async () => {
    const lost = await refused();
    const fail = () => Promise.reject(lost);
    request.cookie = session;
    expect(await runCommand("write", fail)).toEqual({ ok: false, error: { code: "unavailable", message: expect.stringMatching(/^The database cannot be reached right now/) as unknown } });
    request.cookie = `${session}; bh_locale=ko`;
    expect(await runCommand("write", fail)).toEqual({ ok: false, error: { code: "unavailable", message: expect.stringMatching(/^지금은 데이터베이스에 연결할 수 없어/) as unknown } });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await runCommand("write", () => Promise.reject(new Error("bug")))).toMatchObject({ ok: false, error: { code: "internal" } });
  });
});
