import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { copyDatabase, CopyMismatch, parseLocation, type TableReport } from "@/db/copy";
import { runMigrations } from "@/db/migrate";
import { createUser } from "@/db/queries/users";
import { follow, notificationPreference, schedulerLease, signInKnownAddress } from "@/db/schema";
import { toTsQuery } from "@/db/search-pg";
import { seedDemo } from "@/db/seed";
import { EDITOR } from "../helpers/db";
import { freshPgDatabase, stopOwnCluster } from "../helpers/pg";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgehead-copy-"));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await stopOwnCluster();
});

/** The demo data plus a row in every kind of column the schema has: JSON, booleans, composite keys. */
async function demoFile(name: string): Promise<string> {
  const file = path.join(dir, name);
  const db = openDb(file);
  await runMigrations(db);
  await seedDemo(db);
  const u = await createUser(db, EDITOR, { email: "copy@test.example", name: "Copy Tester", role: "editor", password: "a long pass phrase 42" });
  await db.insert(notificationPreference).values({ userId: u.id, mail: "daily", mutedKinds: ["due_soon", "changed"], timeZone: "Asia/Seoul", nextDigestAt: new Date(1796160000123) });
  await db.insert(follow).values({ userId: u.id, recordType: "partner", recordId: 1, active: false });
  await db.insert(signInKnownAddress).values({ email: "copy@test.example", ip: "203.0.113.7", lastAt: new Date(1796160000999) });
  await db.insert(schedulerLease).values({ name: "notify", holder: "host-1", expiresAt: new Date(1796160000001), lastResult: { sent: 3, nested: { b: 1, a: [1.5, null, "渝"] } } });
  db.$client.close();
  return file;
}

const sums = (r: TableReport[]) => Object.fromEntries(r.map((t) => [t.table, [t.source, t.sourceSum]]));

/** The first row's one value. */
async function value(c: pg.Client, q: string, params: unknown[] = []): Promise<unknown> {
  const { rows } = await c.query<Record<string, unknown>>(q, params);
  return Object.values(rows[0]!)[0];
}

async function pgClient(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

describe("[COPY] an office moves between SQLite and PostgreSQL and back", () => {
  it("round-trips the demo data with identical counts and checksums, ids, timestamps and the audit trail", async () => {
    const source = await demoFile("demo.db");
    const url = await freshPgDatabase("copy");
    const back = path.join(dir, "demo-back.db");
    const there = await copyDatabase(parseLocation(source, "--from"), parseLocation(url, "--to"));
    const home = await copyDatabase(parseLocation(url, "--from"), parseLocation(back, "--to"));
    expect(there.every((t) => t.ok) && home.every((t) => t.ok)).toBe(true);
    expect(sums(home)).toEqual(sums(there));
    expect(there.find((t) => t.table === "audit_event")!.source).toBeGreaterThan(10);
    expect(there.find((t) => t.table === "search_index")!.source).toBeGreaterThan(10);

    // Byte for byte where the engines store the same thing; JSON by value (jsonb orders keys its own way).
    const a = new Database(source, { readonly: true });
    const b = new Database(back, { readonly: true });
    const audit = (d: Database.Database) =>
      (d.prepare("select * from audit_event order by id").all() as { before: string | null; after: string | null }[]).map((r) => ({
        ...r,
        before: JSON.parse(r.before ?? "null") as unknown,
        after: JSON.parse(r.after ?? "null") as unknown,
      }));
    expect(audit(b)).toEqual(audit(a));
    for (const q of [
      "select * from meeting order by id",
      "select * from person order by id",
      "select id, email, email_verified, created_at, updated_at from user order by id",
      "select * from follow",
      "select * from sign_in_known_address",
      "select rowid, * from search_index order by rowid",
    ])
      expect(b.prepare(q).all(), q).toEqual(a.prepare(q).all());
    const muted = (d: Database.Database) => JSON.parse((d.prepare("select muted_kinds m from notification_preference").get() as { m: string }).m) as unknown;
    expect(muted(b)).toEqual(["due_soon", "changed"]);
    expect(muted(b)).toEqual(muted(a));
    a.close();
    b.close();

    // On PostgreSQL: new rows get ids past the copied ones, and search finds the copied index.
    const c = await pgClient(url);
    const maxPartner = Number(await value(c, "select max(id) from partner"));
    const inserted = await value(
      c,
      "insert into partner (slug, name_en, name_ko, country, kind, level, status, created_at, updated_at) values ('x', 'X', 'X', 'KR', 'city', 'friendship', 'active', now(), now()) returning id",
    );
    expect(inserted).toBe(maxPartner + 1);
    const found = await c.query("select record_type, record_id from search_index where tsv @@ $1::tsquery", [toTsQuery("충칭")]);
    expect(found.rows).toContainEqual({ record_type: "partner", record_id: 5 });
    await c.end();
  }, 120_000);
});

/** `npm run <script> -- args` as a person runs it, with DATABASE_URL set for it. */
function npmRun(script: string, args: string[], databaseUrl?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, BETTER_AUTH_SECRET: "copy-test-secret-copy-test-secret" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const r = spawnSync("npm", ["run", "-s", script, "--", ...args], { encoding: "utf8", env, timeout: 600_000 });
  expect(r.status, `${script} ${args.join(" ")}:\n${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

type CliTable = { table: string; source: number; target: number; sourceSum: string; targetSum: string };

/** The per-table lines db:copy prints: `table  source → target  sum = sum  ok`. */
function copyReport(stdout: string): CliTable[] {
  return [...stdout.matchAll(/^(\w+)\s+(\d+) → \s*(\d+)\s+([0-9a-f]{16}) = ([0-9a-f]{16})\s+ok$/gm)].map((m) => ({
    table: m[1]!,
    source: Number(m[2]),
    target: Number(m[3]),
    sourceSum: m[4]!,
    targetSum: m[5]!,
  }));
}

// 10,000 meetings (~90,000 rows) there and back takes about a minute; `npm test` runs 2,000, and
// the full reliability run (RELIABILITY_FULL=1) the 10,000 the issue names.
const SCALE = process.env.RELIABILITY_FULL ? 10_000 : 2_000;

describe("[COPY] the command line: --demo-scale data SQLite → PostgreSQL → SQLite", () => {
  it.each([
    ["the demo data", 0],
    [`a --demo-scale ${SCALE} database`, SCALE],
  ])("round-trips %s with npm run db:seed and npm run db:copy, with identical checksums", async (_, scale) => {
    const name = `cli-${scale}`;
    const source = path.join(dir, `${name}.db`);
    const back = path.join(dir, `${name}-back.db`);
    npmRun("db:seed", scale ? ["--demo-scale", String(scale)] : [], source);
    const url = await freshPgDatabase("cli");
    const there = npmRun("db:copy", ["--from", source, "--to", url]);
    const home = npmRun("db:copy", ["--from", url, "--to", back]);
    const a = copyReport(there.stdout);
    const b = copyReport(home.stdout);
    expect(a.length).toBe(Number(/Copied and verified (\d+) tables/.exec(there.stdout)![1]));
    expect(b.map((t) => t.table)).toEqual(a.map((t) => t.table));
    // Every table arrives in PostgreSQL as it left SQLite, and comes home the same again.
    for (const [i, t] of a.entries()) {
      expect([t.target, t.targetSum], t.table).toEqual([t.source, t.sourceSum]);
      expect([b[i]!.source, b[i]!.sourceSum, b[i]!.target, b[i]!.targetSum], t.table).toEqual([t.source, t.sourceSum, t.source, t.sourceSum]);
    }
    expect(a.find((t) => t.table === "meeting")!.source).toBe(scale + 1);
    expect(a.find((t) => t.table === "audit_event")!.source).toBeGreaterThan(10);
    if (scale) {
      expect(a.find((t) => t.table === "action")!.source).toBeGreaterThan(scale * 2.5);
      // Progress on a large database: batch by batch on stderr, not once at the end.
      expect(there.stderr.match(/^ {2}action \d+\/\d+$/gm)!.length).toBeGreaterThan(1);
    }
    // The file that came home reads as the one that left, row for row, where the engines store
    // the same text (JSON columns are held by the checksums above: jsonb reorders keys).
    const x = new Database(source, { readonly: true });
    const y = new Database(back, { readonly: true });
    for (const q of ["select * from meeting order by id", "select * from action order by id", "select * from participant order by id", "select * from programme_item order by id"])
      expect(y.prepare(q).all(), q).toEqual(x.prepare(q).all());
    x.close();
    y.close();
  }, 600_000);

  it("--demo-scale on PostgreSQL fills an empty database with what it gives on SQLite, and refuses one with data", async () => {
    const url = await freshPgDatabase("scale_pg");
    const seeded = npmRun("db:seed", ["--demo-scale", "500", "--seed", "7"], url);
    expect(seeded.stdout).toMatch(/Added 500 meetings, \d+ actions and 50 visits/);
    expect(seeded.stdout).toMatch(/into PostgreSQL and verified their checksums/);
    const onSqlite = path.join(dir, "scale-500.db");
    npmRun("db:seed", ["--demo-scale", "500", "--seed", "7"], onSqlite);
    const c = await pgClient(url);
    const s = new Database(onSqlite, { readonly: true });
    for (const table of ["meeting", "action", "participant", "person", "visit", "programme_item", "audit_event", "search_index"])
      expect(Number(await value(c, `select count(*) from ${table}`)), table).toBe((s.prepare(`select count(*) n from ${table}`).get() as { n: number }).n);
    // The synthetic rows are the same rows, ids and instants included (the demo data's own
    // timestamps are the time of seeding, so those differ).
    const meetings = await c.query<{ id: number; title: string; starts_at: Date }>("select id, title, starts_at from meeting where id > 1 order by id");
    const local = s.prepare("select id, title, starts_at from meeting where id > 1 order by id").all() as { id: number; title: string; starts_at: number }[];
    expect(meetings.rows.map((r) => [r.id, r.title, r.starts_at.getTime()])).toEqual(local.map((r) => [r.id, r.title, r.starts_at]));
    s.close();
    // New rows get ids past the copied ones, so the app can write at once.
    const next = await value(c, "insert into meeting (partner_id, title, kind, status, starts_at, time_zone, created_at, updated_at) values (1, 'x', 'meeting', 'held', now(), 'UTC', now(), now()) returning id");
    expect(next).toBe(502);
    await c.end();

    const again = spawnSync("npm", ["run", "-s", "db:seed", "--", "--demo-scale", "10"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toMatch(/^--demo-scale on PostgreSQL fills an empty database .* already has \d+ rows: point DATABASE_URL at a new database/);
  }, 300_000);
});

describe("[COPY] refuses bad input with one line and exit code 2, writing nothing", () => {
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-copy.ts", ...args], { encoding: "utf8", timeout: 60_000 });
    return { code: r.status, err: r.stderr.trim().split("\n").filter((l) => l.startsWith("db:copy:")) };
  };
  let source: string;
  let emptyPg: string;
  beforeAll(async () => {
    source = await demoFile("refusals.db");
    emptyPg = await freshPgDatabase("empty");
  }, 60_000);

  const pgTables = async (url: string) => {
    const c = await pgClient(url);
    const n = Number(await value(c, "select count(*) n from pg_tables where schemaname in ('public', 'drizzle')"));
    await c.end();
    return n;
  };

  it.each([
    [["--from", "x.db"], /--from and --to are both needed/],
    [["--from", "a.db", "--to", "b.db", "--frm", "c"], /Unknown option '--frm'/],
    [["--from", "missing.db", "--to", "t.db"], /missing\.db does not exist/],
    [["--from", "mysql://h/db", "--to", "t.db"], /unsupported URL scheme "mysql:"/],
    [["--from", "postgres://", "--to", "t.db"], /not a valid PostgreSQL URL/],
    [["--from", "refusals.db", "--to", "postgres://postgres@127.0.0.1:5448/nothing_here"], /cannot connect/],
  ])("%j", (args, message) => {
    const r = cli(...args.map((a) => (a === "refusals.db" ? source : a)));
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect(fs.existsSync("t.db") || fs.existsSync("b.db")).toBe(false);
  });

  it("a server that is up but has no such database", async () => {
    const r = cli("--from", source, "--to", emptyPg.replace(/\/\w+$/, "/no_such_db"));
    expect([r.code, r.err]).toEqual([2, [expect.stringMatching(/cannot connect \(no such database\)/)]]);
  });

  it("a source from a newer version of Bridgehead, and one not fully migrated", async () => {
    const newer = path.join(dir, "newer.db");
    fs.copyFileSync(source, newer);
    const older = path.join(dir, "older.db");
    fs.copyFileSync(source, older);
    const n = new Database(newer);
    n.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(Date.UTC(2099, 0, 1));
    n.close();
    const o = new Database(older);
    o.exec("delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)");
    o.close();
    const r1 = cli("--from", newer, "--to", emptyPg);
    expect([r1.code, r1.err]).toEqual([2, [expect.stringMatching(/comes from a newer version of Bridgehead/)]]);
    const r2 = cli("--from", older, "--to", emptyPg);
    expect([r2.code, r2.err]).toEqual([2, [expect.stringMatching(/not fully migrated/)]]);
    expect(await pgTables(emptyPg)).toBe(0);
  });

  it("a non-empty target, on either engine", async () => {
    const full = path.join(dir, "full.db");
    fs.copyFileSync(source, full);
    const r1 = cli("--from", source, "--to", full);
    expect([r1.code, r1.err]).toEqual([2, [expect.stringMatching(/is not empty \(\w+ has \d+ rows\)/)]]);
    const url = await freshPgDatabase("full");
    expect(cli("--from", source, "--to", url).code).toBe(0);
    const c = await pgClient(url);
    const before = await value(c, "select count(*) from audit_event");
    const r2 = cli("--from", source, "--to", url);
    expect([r2.code, r2.err]).toEqual([2, [expect.stringMatching(/is not empty/)]]);
    expect(await value(c, "select count(*) from audit_event")).toBe(before);
    await c.end();
  }, 60_000);

  it("a copy that does not read back as its source is rolled back (exit code 1)", async () => {
    const url = await freshPgDatabase("tampered");
    const c = await pgClient(url);
    await migrate(drizzle(c), { migrationsFolder: path.join(process.cwd(), "drizzle-pg") });
    // A target that changes what it is given: the checksum must catch it.
    await c.query(`create function tamper() returns trigger language plpgsql as $$ begin new.title := new.title || '!'; return new; end $$;
      create trigger tamper before insert on meeting for each row execute function tamper()`);
    const err = await copyDatabase(parseLocation(source, "--from"), parseLocation(url, "--to")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CopyMismatch);
    expect((err as CopyMismatch).report.filter((t) => !t.ok).map((t) => t.table)).toEqual(["meeting"]);
    expect(Number(await value(c, "select count(*) n from partner"))).toBe(0);
    expect(Number(await value(c, "select count(*) n from audit_event"))).toBe(0);
    await c.end();
    const r = cli("--from", source, "--to", url);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/does not match its source \(meeting\): nothing was written/);
  }, 60_000);
});
