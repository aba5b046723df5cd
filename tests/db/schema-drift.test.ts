import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as sqlite from "@/db/schema-sqlite";
import * as pg from "@/db/schema-pg";
import { describePgTable, schemaDiff, tablesOf } from "./schema-shape";

const sqliteTables = tablesOf(sqlite);
const pgTables = tablesOf(pg);

describe("[SCHEMA] the PostgreSQL schema mirrors the SQLite one", () => {
  it("has the same tables, columns, types, defaults, keys, uniques, indexes and checks", () => {
    expect(sqliteTables.size).toBeGreaterThanOrEqual(22);
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(schemaDiff(sqliteTables, pgTables)).toEqual([]);
  });

  it("gives the app the same row types on both engines", () => {
    // Checked by the type checker (npm run typecheck): a differing column type fails it.
    expectTypeOf<typeof pg.user.$inferSelect>().toEqualTypeOf<typeof sqlite.user.$inferSelect>();
    expectTypeOf<typeof pg.session.$inferSelect>().toEqualTypeOf<typeof sqlite.session.$inferSelect>();
    expectTypeOf<typeof pg.account.$inferSelect>().toEqualTypeOf<typeof sqlite.account.$inferSelect>();
    expectTypeOf<typeof pg.verification.$inferSelect>().toEqualTypeOf<typeof sqlite.verification.$inferSelect>();
    expectTypeOf<typeof pg.signInAttempt.$inferSelect>().toEqualTypeOf<typeof sqlite.signInAttempt.$inferSelect>();
    expectTypeOf<typeof pg.signInKnownAddress.$inferSelect>().toEqualTypeOf<typeof sqlite.signInKnownAddress.$inferSelect>();
    expectTypeOf<typeof pg.apiToken.$inferSelect>().toEqualTypeOf<typeof sqlite.apiToken.$inferSelect>();
    expectTypeOf<typeof pg.setting.$inferSelect>().toEqualTypeOf<typeof sqlite.setting.$inferSelect>();
    expectTypeOf<typeof pg.partner.$inferSelect>().toEqualTypeOf<typeof sqlite.partner.$inferSelect>();
    expectTypeOf<typeof pg.milestone.$inferSelect>().toEqualTypeOf<typeof sqlite.milestone.$inferSelect>();
    expectTypeOf<typeof pg.person.$inferSelect>().toEqualTypeOf<typeof sqlite.person.$inferSelect>();
    expectTypeOf<typeof pg.meeting.$inferSelect>().toEqualTypeOf<typeof sqlite.meeting.$inferSelect>();
    expectTypeOf<typeof pg.participant.$inferSelect>().toEqualTypeOf<typeof sqlite.participant.$inferSelect>();
    expectTypeOf<typeof pg.gift.$inferSelect>().toEqualTypeOf<typeof sqlite.gift.$inferSelect>();
    expectTypeOf<typeof pg.exchangeRate.$inferSelect>().toEqualTypeOf<typeof sqlite.exchangeRate.$inferSelect>();
    expectTypeOf<typeof pg.action.$inferSelect>().toEqualTypeOf<typeof sqlite.action.$inferSelect>();
    expectTypeOf<typeof pg.actionComment.$inferSelect>().toEqualTypeOf<typeof sqlite.actionComment.$inferSelect>();
    expectTypeOf<typeof pg.auditEvent.$inferSelect>().toEqualTypeOf<typeof sqlite.auditEvent.$inferSelect>();
    expectTypeOf<typeof pg.notification.$inferSelect>().toEqualTypeOf<typeof sqlite.notification.$inferSelect>();
    expectTypeOf<typeof pg.follow.$inferSelect>().toEqualTypeOf<typeof sqlite.follow.$inferSelect>();
    expectTypeOf<typeof pg.notificationPreference.$inferSelect>().toEqualTypeOf<typeof sqlite.notificationPreference.$inferSelect>();
    expectTypeOf<typeof pg.schedulerLease.$inferSelect>().toEqualTypeOf<typeof sqlite.schedulerLease.$inferSelect>();
    expectTypeOf<typeof pg.meeting.$inferInsert>().toEqualTypeOf<typeof sqlite.meeting.$inferInsert>();
  });
});

describe("[SCHEMA] drizzle-pg/ holds every change to the PostgreSQL schema", () => {
  it("drizzle-kit finds nothing left to generate", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bridgehead-pg-migrations-"));
    try {
      fs.cpSync("drizzle-pg", out, { recursive: true });
      // drizzle-kit wants a relative --out.
      const r = spawnSync("npx", ["drizzle-kit", "generate", "--dialect", "postgresql", "--schema", "./db/schema-pg.ts", "--out", path.relative(process.cwd(), out)], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(r.stdout).toMatch(/No schema changes/);
      expect(fs.readdirSync(out).sort()).toEqual(fs.readdirSync("drizzle-pg").sort());
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("[SCHEMA] the drift check reports a drifted table", () => {
  // A copy of `follow` with five drifts: a nullable column, a missing index, a lost ON DELETE,
  // a partial index that became total, and a column that is not in SQLite.
  const drifted = pgTable(
    "follow",
    {
      id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
      userId: text("user_id").references(() => pg.user.id),
      recordType: text("record_type").notNull(),
      recordId: integer("record_id").notNull(),
      extra: text("extra"),
    },
    (t) => [index("follow_record_idx").on(t.recordType, t.recordId).where(sql`${t.recordId} > 0`)],
  );

  it("names each difference", () => {
    const withDrift = new Map(pgTables).set("follow", describePgTable(drifted));
    const diffs = schemaDiff(sqliteTables, withDrift).filter((d) => d.startsWith("follow."));
    const keys = diffs.map((d) => d.slice(0, d.indexOf(":")));
    expect(keys).toEqual(
      expect.arrayContaining([
        "follow.columns.user_id",
        "follow.columns.active",
        "follow.columns.extra",
        "follow.foreignKeys.user_id",
        "follow.indexes.follow_user_record_idx",
        "follow.indexes.follow_record_idx",
        "follow.checks.follow_record_type_check",
      ]),
    );
    expect(diffs.find((d) => d.startsWith("follow.foreignKeys.user_id"))).toContain("on delete cascade");
    expect(schemaDiff(sqliteTables, new Map([...pgTables].filter(([n]) => n !== "gift")))).toEqual(["gift: only in sqlite"]);
  });

  it("tells a timestamp without a zone or milliseconds from SQLite's instants", async () => {
    const { timestamp } = await import("drizzle-orm/pg-core");
    const t = pgTable("x", { at: timestamp("at", { mode: "date" }).notNull() });
    expect(describePgTable(t).columns!.at).toMatch(/^timestamp\(tz=/);
  });
});
