import { openDb, type Db } from "@/db/client";
import { engineOf } from "@/db/engine";
import { freshPgDatabase } from "./pg";
import type { Actor } from "@/db/audit";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

export const EDITOR: Actor = { userId: null, label: "editor@test", role: "editor" };

/** A fresh, migrated database: in-memory SQLite (same pragmas and migrations as the app), or PostgreSQL in the PostgreSQL run. */
export async function testDb(): Promise<Db> {
  // The PostgreSQL run (vitest.pg.config.mts): a fresh database copied from the migrated template.
  if (engineOf() === "pg") return openDb(await freshPgDatabase("t", process.env.PG_TEMPLATE_DB));
  const db = openDb(":memory:");
  await runMigrations(db);
  return db;
}

export async function seededDb(): Promise<Db> {
  const db = await testDb();
  await seedDemo(db);
  return db;
}

/**
 * A DATABASE_URL for a test that lets the app open its own database (getDb(), better-auth):
 * `:memory:` on SQLite, a fresh migrated database in the PostgreSQL run.
 */
export async function appDatabaseUrl(): Promise<string> {
  return engineOf() === "pg" ? freshPgDatabase("a", process.env.PG_TEMPLATE_DB) : ":memory:";
}

/**
 * True in the PostgreSQL run. `it.skipIf(onPostgres)` marks a test about SQLite itself (its query
 * plans, its files, the bulk `--demo-scale` seed); everything else runs on both engines.
 */
export const onPostgres = engineOf() === "pg";
