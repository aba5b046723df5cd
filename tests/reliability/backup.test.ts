import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { appSchemaVersion, backupDatabase, checkDatabaseFile, restoreDatabase } from "@/db/backup";
import { openDb } from "@/db/client";
import { MIGRATIONS_FOLDER, runMigrations } from "@/db/migrate";
import { createPartner } from "@/db/queries/partners";
import { seedDemo } from "@/db/seed";
import { EDITOR } from "../helpers/db";

function tmp(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-backup-"));
  return path.join(dir, name);
}

async function seededFile(): Promise<string> {
  const file = tmp("live.db");
  const db = openDb(file);
  runMigrations(db);
  await seedDemo(db);
  db.$client.close();
  return file;
}

/** Every meeting written by the writer has both participants and its audit event. */
function consistent(file: string) {
  const db = new Database(file, { readonly: true });
  const r = {
    meetings: (db.prepare("select count(*) n from meeting where title like 'Load meeting %'").get() as { n: number }).n,
    broken: (
      db
        .prepare(
          `select count(*) n from meeting m where m.title like 'Load meeting %' and (
             (select count(*) from participant p where p.meeting_id = m.id) <> 2 or
             (select count(*) from audit_event a where a.record_type = 'meeting' and a.record_id = cast(m.id as text)) <> 1)`,
        )
        .get() as { n: number }
    ).n,
  };
  db.close();
  return r;
}

describe("[RELIABILITY] backup and restore", () => {
  it("takes a consistent online backup while another process writes, and restores it", async () => {
    const live = await seededFile();
    const writer = spawn("npx", ["tsx", "tests/reliability/fixtures/writer.ts"], { env: { ...process.env, DATABASE_URL: live } });
    let written = 0;
    writer.stdout.on("data", (b: Buffer) => (written += b.toString().split("\n").filter(Boolean).length));
    try {
      await expect.poll(() => written, { timeout: 30_000, interval: 50 }).toBeGreaterThan(30);
      const dest = tmp("backup.db");
      const check = await backupDatabase(live, dest);
      expect(check).toMatchObject({ ok: true, integrity: "ok" });
      const atBackup = written;
      await expect.poll(() => written, { timeout: 30_000, interval: 50 }).toBeGreaterThan(atBackup + 30);

      const backed = consistent(dest);
      expect(backed.broken).toBe(0);
      expect(backed.meetings).toBeGreaterThan(30);

      writer.kill("SIGKILL");
      const target = tmp("restored.db");
      fs.copyFileSync(live, target);
      const { check: after, keptAs } = await restoreDatabase(dest, target);
      expect(after.ok).toBe(true);
      expect(keptAs).not.toBeNull();
      expect(consistent(target)).toEqual(backed);
    } finally {
      writer.kill("SIGKILL");
    }
  });

  it("refuses a file that is not a sound Bridgehead database, and leaves the target alone", async () => {
    const live = await seededFile();
    const junk = tmp("junk.db");
    fs.writeFileSync(junk, "this is not a database at all, just text ".repeat(200));
    const r = await restoreDatabase(junk, live);
    expect(r.check.ok).toBe(false);
    expect(r.keptAs).toBeNull();
    const other = tmp("other.db");
    new Database(other).exec("create table t (x)").close();
    expect(checkDatabaseFile(other).problems.join(" ")).toMatch(/Not a Bridgehead database/);
    expect(checkDatabaseFile(live).ok).toBe(true);
  });

  it("refuses a backup from a newer version of the app", async () => {
    const live = await seededFile();
    const db = new Database(live);
    db.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(appSchemaVersion() + 1);
    db.close();
    expect(checkDatabaseFile(live).problems.join(" ")).toMatch(/newer version/);
  });

  it("migrates a restored backup of an older schema forward without losing data", async () => {
    // An "older app": only the first migration.
    const old = fs.mkdtempSync(path.join(os.tmpdir(), "bh-old-migrations-"));
    fs.mkdirSync(path.join(old, "meta"));
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    const first = journal.entries[0]!;
    fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${first.tag}.sql`), path.join(old, `${first.tag}.sql`));
    fs.writeFileSync(path.join(old, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: [first] }));
    const oldFile = tmp("old.db");
    const db = openDb(oldFile);
    runMigrations(db, old);
    db.$client.prepare("insert into partner (slug, name_en, name_ko, country, kind, level, status, created_at, updated_at) values ('osaka','Osaka','오사카','JP','prefecture','exploring','exploring',0,0)").run();
    db.$client.close();

    const target = tmp("current.db");
    const { check } = await restoreDatabase(oldFile, target);
    expect(check.ok).toBe(true);
    const restored = openDb(target);
    expect(restored.$client.prepare("select name_en from partner").all()).toEqual([{ name_en: "Osaka" }]);
    // The newer migrations ran: the search index exists, holds the restored records (rebuilt on
    // migrate) and works for new ones.
    await createPartner(restored, EDITOR, { slug: "kyoto", nameEn: "Kyoto", nameKo: "교토", country: "JP", kind: "prefecture", level: "exploring", status: "exploring" });
    expect(restored.$client.prepare("select count(*) n from search_index").get()).toEqual({ n: 2 });
    restored.$client.close();
  });
});
