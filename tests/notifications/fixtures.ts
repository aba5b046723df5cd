import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { runMigrations } from "@/db/migrate";
import { notificationPreference, partner, user } from "@/db/schema";
import { setHomeRegion } from "@/db/queries/settings";

export function tempDbFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-notify-")), "test.db");
}

export function openTestDb(file: string): Db {
  const db = openDb(file);
  runMigrations(db);
  return db;
}

export function addUser(db: Db, p: { id: string; role?: string; locale?: string; zone?: string; mail?: string }): Actor {
  db.insert(user).values({ id: p.id, name: p.id, email: `${p.id}@example.org`, role: p.role ?? "editor", locale: p.locale ?? "en" }).run();
  if (p.zone || p.mail) db.insert(notificationPreference).values({ userId: p.id, timeZone: p.zone ?? null, mail: p.mail ?? "immediate" }).run();
  return { userId: p.id, label: `${p.id}@example.org`, role: (p.role ?? "editor") as Actor["role"] };
}

export function addPartner(db: Db): number {
  setHomeRegion(db, { nameEn: "Home", nameKo: "본청", nameLocal: "", country: "KR", timeZone: "Asia/Seoul" });
  return db
    .insert(partner)
    .values({ slug: "chongqing", nameEn: "Chongqing", nameKo: "충칭", country: "CN", kind: "municipality", level: "friendship", status: "active" })
    .returning({ id: partner.id })
    .get().id;
}
