import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openDb } from "./client";
import { MIGRATIONS_FOLDER, runMigrations } from "./migrate";

// Online backup and checked restore. The copy is made with SQLite's backup API, page by page
// under SQLite's own locking, so it is consistent while the server keeps writing.

export interface DbCheck {
  ok: boolean;
  integrity: string;
  /** `created_at` of the newest applied migration, or null for a non-Bridgehead file. */
  schemaVersion: number | null;
  problems: string[];
}

/** The newest migration this build of the app knows (drizzle/meta/_journal.json). */
export function appSchemaVersion(migrationsFolder = MIGRATIONS_FOLDER): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Integrity, and whether this is a Bridgehead database this app can migrate forward. */
export function checkDatabaseFile(file: string, migrationsFolder = MIGRATIONS_FOLDER): DbCheck {
  const problems: string[] = [];
  if (!fs.existsSync(file)) return { ok: false, integrity: "missing", schemaVersion: null, problems: [`${file} does not exist.`] };
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { ok: false, integrity: "unreadable", schemaVersion: null, problems: [`Not an SQLite database: ${(e as Error).message}`] };
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    } catch (e) {
      return { ok: false, integrity: "unreadable", schemaVersion: null, problems: [`Not an SQLite database: ${(e as Error).message}`] };
    }
    if (integrity !== "ok") problems.push(`Integrity check failed: ${integrity}`);
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    let schemaVersion: number | null = null;
    if (!tables.has("__drizzle_migrations") || !tables.has("partner")) problems.push("Not a Bridgehead database (no migrations table or no partner table).");
    else {
      schemaVersion = (db.prepare("select max(created_at) v from __drizzle_migrations").get() as { v: number | null }).v;
      const known = appSchemaVersion(migrationsFolder);
      if (schemaVersion !== null && schemaVersion > known)
        problems.push("The backup comes from a newer version of Bridgehead than this one: upgrade the app first.");
    }
    return { ok: problems.length === 0, integrity, schemaVersion, problems };
  } finally {
    db.close();
  }
}

/** Copies a live database to `dest` with the backup API and checks the copy. */
export async function backupDatabase(source: string, dest: string): Promise<DbCheck> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (fs.existsSync(dest)) throw new Error(`${dest} already exists: choose a new file name.`);
  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    await db.backup(dest);
  } finally {
    db.close();
  }
  return checkDatabaseFile(dest);
}

/**
 * Restores `backup` over `target` after checking it, keeping the current database beside it
 * (`<target>.before-restore-<time>`), then migrates the restored copy forward. Stop the server
 * first: its open connection would keep serving the old pages from its cache.
 */
export async function restoreDatabase(
  backup: string,
  target: string,
  migrationsFolder = MIGRATIONS_FOLDER,
): Promise<{ check: DbCheck; keptAs: string | null }> {
  const check = checkDatabaseFile(backup, migrationsFolder);
  if (!check.ok) return { check, keptAs: null };
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await backupDatabase(target, keptAs);
  }
  const src = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await src.backup(target);
  } finally {
    src.close();
  }
  const db = openDb(target);
  try {
    await runMigrations(db, migrationsFolder);
  } finally {
    db.$client.close();
  }
  return { check: checkDatabaseFile(target, migrationsFolder), keptAs };
}
