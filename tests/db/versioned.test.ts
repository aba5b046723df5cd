import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createPartner } from "@/db/queries/partners";
import { currentRow, setArchived, updateVersioned } from "@/db/queries/versioned";
import { auditEvent, partner } from "@/db/schema";
import { inTransaction } from "@/db/tx";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { EDITOR, testDb } from "../helpers/db";

// A made-up partner: the helpers are about versions and audit rows, not about the demo data.
const fixture = {
  slug: "testshire",
  nameEn: "Testshire",
  nameKo: "테스트셔",
  nameLocal: "試験県",
  country: "jp",
  kind: "prefecture",
  level: "exploring",
  status: "exploring",
  since: "2024-05",
  timeZone: "Asia/Tokyo",
};

const audits = async (db: Db, id: number) =>
  await db.select().from(auditEvent).where(and(eq(auditEvent.recordType, "partner"), eq(auditEvent.recordId, String(id)))).orderBy(auditEvent.id);
const auditTotal = async (db: Db) => (await db.select({ n: count() }).from(auditEvent).limit(1))[0]!.n;
const stored = async (db: Db, id: number) => (await db.select().from(partner).where(eq(partner.id, id)).limit(1))[0]!;

describe("[DB] versioned writes and archiving (db/queries/versioned.ts)", () => {
  it("writes the values at the current version and moves the version on", async () => {
    const db = await testDb();
    const p = await createPartner(db, EDITOR, fixture);
    const row = await inTransaction(db, async (tx) => updateVersioned(tx, partner, "partner", p.id, p.version, { summary: "Renamed in a test" }));
    expect(row).toMatchObject({ id: p.id, version: p.version + 1, summary: "Renamed in a test" });
    expect(await stored(db, p.id)).toMatchObject({ version: p.version + 1, summary: "Renamed in a test" });
  });

  it("refuses a stale version with a conflict naming who changed it last, and writes nothing: no field, no version, no audit row", async () => {
    const db = await testDb();
    const p = await createPartner(db, EDITOR, fixture);
    await inTransaction(db, async (tx) => updateVersioned(tx, partner, "partner", p.id, p.version, { summary: "First save" }));
    const audited = await auditTotal(db);
    // The caller's audit entry comes after the write, as in every entity's update: it never runs.
    const err = await inTransaction(db, async (tx) => {
      await updateVersioned(tx, partner, "partner", p.id, p.version, { summary: "Stale save" });
      throw new Error("unreachable: the stale write must throw");
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    const details = (err as ConflictError).details as { current: { summary: string; version: number }; changedBy: string | null };
    expect(details.current).toMatchObject({ summary: "First save", version: p.version + 1 });
    expect(details.changedBy).toBe(EDITOR.label);
    expect(await stored(db, p.id)).toMatchObject({ summary: "First save", version: p.version + 1 });
    expect(await auditTotal(db)).toBe(audited);
  });

  it("answers a missing record with not found, from the update and from currentRow", async () => {
    const db = await testDb();
    const audited = await auditTotal(db);
    await expect(inTransaction(db, async (tx) => updateVersioned(tx, partner, "partner", 9_999, 1, { summary: "x" }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(inTransaction(db, async (tx) => currentRow(tx, partner, "partner", 9_999))).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditTotal(db)).toBe(audited);
  });

  it("archives and restores with the version moved on and one archive or restore entry holding the changed field", async () => {
    const db = await testDb();
    const p = await createPartner(db, EDITOR, fixture);
    const archived = await setArchived(db, EDITOR, partner, "partner", p.id, true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(archived.version).toBe(p.version + 1);
    const restored = await setArchived(db, EDITOR, partner, "partner", p.id, false);
    expect(restored).toMatchObject({ archivedAt: null, version: p.version + 2 });
    const trail = (await audits(db, p.id)).slice(1);
    expect(trail.map((e) => e.event)).toEqual(["archive", "restore"]);
    expect(trail[0]).toMatchObject({ actorLabel: EDITOR.label, before: { archivedAt: null }, after: { archivedAt: archived.archivedAt!.toISOString() } });
    expect(Object.keys(trail[0]!.after as object)).toEqual(["archivedAt"]);
    expect(trail[1]).toMatchObject({ before: { archivedAt: archived.archivedAt!.toISOString() }, after: { archivedAt: null } });
  });

  it("runs its follow-up step in the same transaction: when that fails, the record stays live and nothing is audited", async () => {
    const db = await testDb();
    const p = await createPartner(db, EDITOR, fixture);
    const audited = await auditTotal(db);
    const failing = async () => {
      throw new Error("index refresh failed");
    };
    await expect(setArchived(db, EDITOR, partner, "partner", p.id, true, failing)).rejects.toThrow("index refresh failed");
    expect(await stored(db, p.id)).toMatchObject({ archivedAt: null, version: p.version });
    expect(await auditTotal(db)).toBe(audited);
    await expect(setArchived(db, EDITOR, partner, "partner", 9_999, true)).rejects.toBeInstanceOf(NotFoundError);
    expect(await auditTotal(db)).toBe(audited);
  });
});
