import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/db/audit";
import { auditEvent, person } from "@/db/schema";
import { auditExport, auditFilterOptions, changedFields, listAuditEvents, recordHistory } from "@/db/queries/audit";
import { createPerson, updatePerson } from "@/db/queries/people";
import { ConflictError, ValidationError } from "@/lib/errors";
import { EDITOR, testDb } from "../helpers/db";

const KIM: Actor = { userId: "u-kim", label: "kim@example.org", role: "editor" };
const base = { nameEn: "Li Wei", side: "home", notes: "first" };

describe("[ACCOUNTS] stale versions on people", () => {
  it("a save against an old version gets 409 naming who saved first, and changes nothing", async () => {
    const db = await testDb();
    const p = await createPerson(db, EDITOR, base);
    await updatePerson(db, KIM, p.id, { ...base, notes: "Kim's edit", version: p.version });
    const audits = (await db.select({ n: count() }).from(auditEvent).limit(1))[0]!.n;
    const err = await updatePerson(db, EDITOR, p.id, { ...base, notes: "late edit", version: p.version }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).status).toBe(409);
    expect((err as ConflictError).message).toContain("kim@example.org");
    expect((await db.select().from(person).where(eq(person.id, p.id)).limit(1))[0]!.notes).toBe("Kim's edit");
    expect((await db.select({ n: count() }).from(auditEvent).limit(1))[0]!.n).toBe(audits);
  });
});

describe("[ACCOUNTS] audit queries", () => {
  async function trail() {
    const db = await testDb();
    const a = await createPerson(db, EDITOR, base);
    const b = await createPerson(db, KIM, { ...base, nameEn: "Zhang Min" });
    await updatePerson(db, KIM, a.id, { ...base, title: "Director", version: a.version });
    await auditExport(db, KIM, { report: "gifts", format: "xlsx", filters: { partner: "chongqing" } });
    // Spread the events over three days so the period filter has something to cut.
    const days = ["2026-03-01T10:00:00Z", "2026-03-02T23:30:00Z", "2026-03-03T08:00:00Z", "2026-03-04T12:00:00Z"];
    for (const [i, r] of (await db.select({ id: auditEvent.id }).from(auditEvent)).entries())
      await db.update(auditEvent).set({ at: new Date(days[i]!) }).where(eq(auditEvent.id, r.id));
    return { db, a, b };
  }

  it("names each event's own record, not the trail's first one", async () => {
    const { db } = await trail();
    const rows = (await listAuditEvents(db, { type: "person" })).rows;
    expect(rows.map((r) => r.recordLabel)).toEqual(["Li Wei", "Zhang Min", "Li Wei"]);
  });

  it("lists newest first and filters by actor, record type, event and period", async () => {
    const { db } = await trail();
    const all = await listAuditEvents(db, {});
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => r.event)).toEqual(["export", "update", "create", "create"]);
    expect((await listAuditEvents(db, { actor: "kim@example.org" })).total).toBe(3);
    expect((await listAuditEvents(db, { type: "person", event: "create" })).total).toBe(2);
    expect((await listAuditEvents(db, { from: "2026-03-02", to: "2026-03-03" })).rows.map((r) => r.event)).toEqual(["update", "create"]);
    // 23:30 UTC on 2 March is already 3 March in Seoul.
    expect((await listAuditEvents(db, { from: "2026-03-03", to: "2026-03-03" }, "Asia/Seoul")).rows.map((r) => r.event)).toEqual(["update", "create"]);
    expect((await listAuditEvents(db, { actor: "", type: "", from: "" })).total).toBe(4);
  });

  it("pages, and refuses malformed filters", async () => {
    const { db } = await trail();
    const p2 = await listAuditEvents(db, { size: "3", page: "2" });
    expect([p2.rows.length, p2.page, p2.total, p2.rows[0]!.event]).toEqual([1, 2, 4, "create"]);
    await expect(listAuditEvents(db, { from: "2026-02-30" })).rejects.toBeInstanceOf(ValidationError);
    await expect(listAuditEvents(db, { page: "-1" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("offers the filter values the trail holds", async () => {
    const { db } = await trail();
    expect(await auditFilterOptions(db)).toEqual({ actors: ["editor@test", "kim@example.org"], types: ["person", "report"], events: ["create", "export", "update"] });
  });

  it("shows one record's own history with the changed fields", async () => {
    const { db, a, b } = await trail();
    const h = await recordHistory(db, "person", a.id);
    expect(h.map((e) => [e.event, e.actorLabel])).toEqual([
      ["update", "kim@example.org"],
      ["create", "editor@test"],
    ]);
    expect(changedFields(h[0]!)).toEqual([{ field: "title", before: null, after: "Director" }]);
    expect((await recordHistory(db, "person", b.id)).length).toBe(1);
    expect(await recordHistory(db, "meeting", a.id)).toEqual([]);
  });

  it("auditExport records the report, format and filters", async () => {
    const { db } = await trail();
    const ev = (await listAuditEvents(db, { event: "export" })).rows[0]!;
    expect([ev.recordType, ev.recordId, ev.actorUserId, ev.after]).toEqual(["report", "gifts", "u-kim", { format: "xlsx", filters: { partner: "chongqing" } }]);
  });
});
