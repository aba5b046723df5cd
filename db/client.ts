import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A handle usable inside db.transaction((tx) => ...) as well as outside it. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

/** `DATABASE_URL` as a file path, a `file:` URL or `:memory:`; default data/bridgehead.db. */
export function resolveDatabasePath(url = process.env.DATABASE_URL): string {
  if (!url) return path.join(process.cwd(), "data", "bridgehead.db");
  if (url === ":memory:") return url;
  const p = url.startsWith("file:") ? url.slice("file:".length).replace(/^\/\/(?=\/)/, "") : url;
  return path.resolve(p);
}

/** What every connection uses; the benchmark compares it with NORMAL. */
export const SYNCHRONOUS = "FULL";

/** Opens SQLite with the settings every connection of this app uses. */
export function openDb(file = resolveDatabasePath()): Db {
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
