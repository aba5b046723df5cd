import { openDb, type Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";

export const EDITOR: Actor = { userId: null, label: "editor@test", role: "editor" };

/** A fresh, migrated in-memory database (real SQLite, same pragmas and migrations as the app). */
export async function testDb(): Promise<Db> {
  const db = openDb(":memory:");
  await runMigrations(db);
  return db;
}

export async function seededDb(): Promise<Db> {
  const db = await testDb();
  await seedDemo(db);
  return db;
}
