import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as sqliteMigrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrate as pgMigrate } from "drizzle-orm/node-postgres/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import type { Db } from "./client";
import { ensureSearchIndex } from "./search";
import { isSqlite, rawGet } from "./tx";

/** drizzle/ (SQLite) and drizzle-pg/ (PostgreSQL) are found from the project root, so a built server still finds them. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
export const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle-pg");

export async function runMigrations(db: Db, migrationsFolder?: string): Promise<void> {
  if (isSqlite(db)) {
    sqliteMigrate(db, { migrationsFolder: migrationsFolder ?? MIGRATIONS_FOLDER });
  } else {
    // Several instances may start at once: one connection holds an advisory lock while the
    // migrations run, so one instance migrates and the others wait, then find nothing to do.
    const lock = await (db.$client as unknown as Pool).connect();
    try {
      await lock.query("select pg_advisory_lock(727274)");
      await pgMigrate(db as unknown as NodePgDatabase, { migrationsFolder: migrationsFolder ?? PG_MIGRATIONS_FOLDER });
    } finally {
      await lock.query("select pg_advisory_unlock(727274)").catch(() => undefined);
      lock.release();
    }
  }
  // A database restored from before the search index, migrated with an older folder, has no index yet.
  const hasIndex = isSqlite(db)
    ? await rawGet(db, sql`select 1 from sqlite_master where name = 'search_index'`)
    : (await rawGet<{ t: string | null }>(db, sql`select to_regclass('search_index')::text t`))?.t;
  if (hasIndex) await ensureSearchIndex(db);
}
