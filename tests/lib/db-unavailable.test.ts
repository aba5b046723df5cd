import net from "node:net";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDb, openDb } from "@/db/client";
import { rawGet } from "@/db/tx";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { ConflictError, UserError } from "@/lib/errors";
import { errorResponse } from "@/server/http";
import { onPostgres } from "../helpers/db";
import { freshPgDatabase, stopOwnCluster } from "../helpers/pg";

// Losing the PostgreSQL server is answered 503 (tests/reliability/server/postgres.test.ts shows it
// under load); here each way node-postgres reports the loss, produced for real where it can be.
afterAll(stopOwnCluster);
// errorResponse logs what it maps; the assertions here are on what it answers.
beforeEach(() => void vi.spyOn(console, "error").mockImplementation(() => undefined));

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

describe("database connection loss", () => {
  it("maps a refused connection, bare and wrapped by drizzle, to 503 with Retry-After", async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/none`;
    const bare = await caught(new pg.Client({ connectionString: url }).connect());
    expect(isDatabaseUnavailable(bare)).toBe(true);
    const pool = new pg.Pool({ connectionString: url });
    const wrapped = await caught(drizzle(pool).execute(sql`select 1`));
    await pool.end();
    expect(wrapped).not.toBe(bare);
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    const r = errorResponse(wrapped);
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("5");
    expect(await r.json()).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/^The database cannot be reached right now/) as unknown } });
  });

  it("maps a server that ends the session (57P01) and the dead connection after it", async () => {
    const url = await freshPgDatabase("lost");
    const victim = new pg.Client({ connectionString: url });
    victim.on("error", () => undefined);
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>("select pg_backend_pid() pid");
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // What pg_ctl stop -m fast does to every session: the server ends it.
    const ended = caught(victim.query("select pg_sleep(30)"));
    await expect.poll(async () => (await admin.query("select 1 from pg_stat_activity where pid = $1 and state = 'active'", [rows[0]!.pid])).rowCount).toBe(1);
    await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    await admin.end();
    const e = (await ended) as { code?: string };
    expect(e.code).toBe("57P01");
    expect(isDatabaseUnavailable(e)).toBe(true);
    const after = await caught(victim.query("select 1"));
    expect(isDatabaseUnavailable(after)).toBe(true);
  });

  it("maps the other connection SQLSTATEs and pool time-outs", () => {
    for (const code of ["08006", "08001", "57P02", "57P03", "53300", "ECONNRESET", "ETIMEDOUT"]) expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code })), code).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error("connect"), { code: "ECONNREFUSED" })]))).toBe(true);
  });

  it("leaves every other error as it was: a user's 4xx, a bug's 500", async () => {
    const url = await freshPgDatabase("bad");
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const syntax = await caught(c.query("selec 1"));
    const missing = await caught(c.query("select * from no_such_table"));
    await c.end();
    for (const e of [syntax, missing, new Error("boom"), Object.assign(new Error("busy"), { code: "SQLITE_BUSY" }), new UserError("not_found", "gone"), null, "text"])
      expect(isDatabaseUnavailable(e)).toBe(false);
    expect(errorResponse(syntax).status).toBe(500);
    expect(errorResponse(new ConflictError("meeting", {})).status).toBe(409);
  });
});

// The app's pool exists only on PostgreSQL (the SQLite run's schema cannot open one).
describe.runIf(onPostgres)("the app's PostgreSQL pool", () => {
  it("survives the server ending an idle connection and connects anew by itself", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const db = openDb(await freshPgDatabase("idle"));
    try {
      const { pid } = (await rawGet<{ pid: number }>(db, sql`select pg_backend_pid() pid`))!;
      const admin = new pg.Client({ connectionString: process.env.PG_TEST_URL });
      await admin.connect();
      await admin.query("select pg_terminate_backend($1)", [pid]);
      await admin.end();
      // Without the pool's error handler this idle client's error would end the process.
      await expect.poll(() => warn.mock.calls.length).toBeGreaterThan(0);
      expect(String(warn.mock.calls[0]![0])).toMatch(/^PostgreSQL closed an idle connection/);
      const again = await rawGet<{ pid: number }>(db, sql`select pg_backend_pid() pid`);
      expect(again!.pid).not.toBe(pid);
    } finally {
      await closeDb(db);
    }
  });
});
