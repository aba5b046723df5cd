import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";
import { ensureSearchIndex } from "./search";

/** drizzle/ is found from the project root, so a built server still finds it. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

export function runMigrations(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
  // A database restored from before the search index, migrated with an older folder, has no index yet.
  if (db.$client.prepare("select 1 from sqlite_master where name = 'search_index'").get()) ensureSearchIndex(db);
}
