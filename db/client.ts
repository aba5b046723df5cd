import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { drizzle as pgDrizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { engineOf, resolveDatabasePath, resolvePgUrl, type Engine } from "./engine";
import * as schema from "./schema";
import { SCHEMA_ENGINE } from "./schema";
import { routeToTransaction } from "./pg-context";

// The app's queries are typed once, against SQLite's dialect; on PostgreSQL the same calls run
// through drizzle's pg dialect with db/schema.ts's PostgreSQL tables (db/engine.ts picks them).
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A handle usable inside inTransaction(db, async (tx) => ...) (db/tx.ts) as well as outside it. */
export type Tx = Db;

export { resolveDatabasePath } from "./engine";

/** What every SQLite connection uses; the benchmark compares it with NORMAL. */
export const SYNCHRONOUS = "FULL";

// node-postgres hands 64-bit integers (count(*), sums) and numerics back as strings; the app's
// counts and amounts are numbers far below 2^53, as SQLite returns them.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/** Opens the database a path or URL names (default: DATABASE_URL), with the app's settings. */
export function openDb(target: string | undefined = process.env.DATABASE_URL): Db {
  const engine = engineOf(target);
  const tables: Engine = SCHEMA_ENGINE;
  // db/schema.ts chose its tables for DATABASE_URL's engine when it was loaded.
  if (engine !== tables) throw new Error(`This process runs on ${tables === "pg" ? "PostgreSQL" : "SQLite"} (DATABASE_URL) and cannot open a ${engine === "pg" ? "PostgreSQL" : "SQLite"} database.`);
  return engine === "pg" ? openPg(resolvePgUrl(target)) : openSqlite(resolveDatabasePath(target));
}

function openSqlite(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL: in WAL mode every commit is fsynced before it returns, so a write the server has
  // acknowledged survives a power cut or an OS crash (NORMAL syncs only at checkpoints and can
  // lose the last commits). The cost is measured in `npm run bench`.
  sqlite.pragma(`synchronous = ${SYNCHRONOUS}`);
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return drizzle(sqlite, { schema });
}

function poolSize(): number {
  const raw = process.env.PG_POOL_MAX;
  if (raw === undefined || raw === "") return 10;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1000) throw new Error("PG_POOL_MAX must be a whole number from 1 to 1000.");
  return Number(raw);
}

function openPg(url: string): Db {
  // Connections are made on first use and dropped after 10 s idle; a lost connection (the server
  // restarted) is replaced by the next query, so instances reconnect by themselves.
  const pool = new pg.Pool({ connectionString: url, max: poolSize(), idleTimeoutMillis: 10_000, connectionTimeoutMillis: 10_000 });
  // An idle client's error (the server restarted or went away) must not crash the process: the
  // pool drops that client and connects anew on a later query. Logged, for the operator.
  pool.on("error", (e) => console.warn(`PostgreSQL closed an idle connection (${e.message}); a new one is opened when needed.`));
  const db = pgDrizzle(pool, { schema: schema as never });
  return routeToTransaction(db) as unknown as Db;
}

/** Closes the connection or pool. */
export async function closeDb(db: Db): Promise<void> {
  const client = db.$client as unknown as { close?: () => void; end?: () => Promise<void> };
  if (typeof client.end === "function") await client.end();
  else client.close?.();
}

/** Where DATABASE_URL points, fit for messages: the file, or the server without its password. */
export function describeDatabase(url = process.env.DATABASE_URL): string {
  if (engineOf(url) === "sqlite") return resolveDatabasePath(url);
  const u = new URL(resolvePgUrl(url));
  if (u.password) u.password = "***";
  return u.toString();
}
