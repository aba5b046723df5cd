import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A handle usable inside inTransaction(db, async (tx) => ...) (db/tx.ts) as well as outside it. */
export type Tx = Db;

/**
 * `DATABASE_URL` as a SQLite file: a path, a `file:` URL or `:memory:`; default data/bridgehead.db.
 * Anything else is refused with a message that names the variable: before, a `postgres://…`
 * value silently became a folder named `postgres:` holding a new SQLite database.
 */
export function resolveDatabasePath(url = process.env.DATABASE_URL): string {
  if (url === undefined || url.trim() === "") return path.join(process.cwd(), "data", "bridgehead.db");
  if (url === ":memory:") return url;
  if (/\p{Cc}/u.test(url)) throw new Error("DATABASE_URL holds a control character; give a file path, a file: URL or :memory:.");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  // A one-letter "scheme" is a Windows drive (C:\data\bridgehead.db).
  if (scheme && scheme !== "file" && scheme.length > 1) {
    if (scheme === "postgres" || scheme === "postgresql")
      throw new Error(
        "DATABASE_URL names a PostgreSQL server, which this version cannot serve yet: unset DATABASE_URL or give a SQLite file path (`npm run db:copy` copies the data between the two engines).",
      );
    throw new Error(`DATABASE_URL has the scheme "${scheme}:", which Bridgehead does not know. Give a file path, a file: URL or :memory:.`);
  }
  const p = scheme === "file" ? url.slice("file:".length).replace(/^\/\/(?=\/)/, "") : url;
  if (!p || p === "//") throw new Error("DATABASE_URL is a file: URL without a path; give file:/path/to/bridgehead.db.");
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
