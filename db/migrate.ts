import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Db } from "./client";

/** drizzle/ is found from the project root, so a built server still finds it. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

export function runMigrations(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
}
