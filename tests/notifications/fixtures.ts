import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb, type Db } from "@/db/client";
import { engineOf } from "@/db/engine";
import { freshPgDatabase } from "../helpers/pg";
import type { Actor } from "@/db/audit";
import { runMigrations } from "@/db/migrate";
import { notificationPreference, partner, user } from "@/db/schema";
import { setHomeRegion } from "@/db/queries/settings";
import { one } from "@/db/tx";

/**
 * A database that two connections can open, as a restart or a second instance would: a temp
 * SQLite file, or in the PostgreSQL run a fresh database copied from the migrated template.
 */
export async function tempDbFile(): Promise<string> {
  if (engineOf() === "pg") return freshPgDatabase("n", process.env.PG_TEMPLATE_DB);
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-notify-")), "test.db");
}

export async function openTestDb(file: string): Promise<Db> {
  const db = openDb(file);
  await runMigrations(db);
  return db;
}

/** Connections a test opened, closed after it. */
export function openedDbs() {
  const list: Db[] = [];
  return {
    add: (db: Db) => list.push(db),
    close: async (db: Db) => {
      list.splice(list.indexOf(db), 1);
      await closeDb(db);
    },
    closeAll: async () => {
      for (const db of list.splice(0)) await closeDb(db);
    },
  };
}

export async function addUser(db: Db, p: { id: string; role?: string; locale?: string; zone?: string; mail?: string }): Promise<Actor> {
  await db.insert(user).values({ id: p.id, name: p.id, email: `${p.id}@example.org`, role: p.role ?? "editor", locale: p.locale ?? "en" });
  if (p.zone || p.mail) await db.insert(notificationPreference).values({ userId: p.id, timeZone: p.zone ?? null, mail: p.mail ?? "immediate" });
  return { userId: p.id, label: `${p.id}@example.org`, role: (p.role ?? "editor") as Actor["role"] };
}

export async function addPartner(db: Db): Promise<number> {
  await setHomeRegion(db, { nameEn: "Home", nameKo: "본청", nameLocal: "", country: "KR", timeZone: "Asia/Seoul" });
  return (await one(db
    .insert(partner)
    .values({ slug: "chongqing", nameEn: "Chongqing", nameKo: "충칭", country: "CN", kind: "municipality", level: "friendship", status: "active" })
    .returning({ id: partner.id }))).id;
}
