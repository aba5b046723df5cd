import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { recordPlannedGiftAction } from "@/app/(app)/visits/commands";
import type { Db } from "@/db/client";
import { getVisit, visitGiftWarnings } from "@/db/queries/visit-views";
import { createVisit, programmeItemToMeeting, recordPlannedGift } from "@/db/queries/visits";
import { auditEvent, gift, partner, person } from "@/db/schema";
import { EDITOR, seededDb } from "../helpers/db";

// After the visit, a planned gift becomes the gift register's entry: given at a held meeting of
// the visit, linked, audited, all or nothing.

let db: Db;
beforeEach(async () => {
  db = await seededDb();
});

// The server action with a real database; only "who is signed in" is stood in for.
const who: { role: "viewer" | "editor" } = { role: "viewer" };
vi.mock("@/db", () => ({ getDb: () => db }));
vi.mock("@/server/auth/guard", () => ({
  getCurrentUser: () => Promise.resolve({ id: "u1", email: `${who.role}@test`, name: who.role, role: who.role, mustChangePassword: false }),
  clientIp: () => Promise.resolve(null),
  actorOf: (u: { id: string; email: string; role: string }) => ({ userId: null, label: u.email, role: u.role, ip: null }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const idOf = async (table: typeof partner | typeof person, where: ReturnType<typeof eq>) => (await db.select({ id: table.id }).from(table).where(where).limit(1))[0]!.id;

async function heldVisit() {
  const tang = await idOf(person, eq(person.nameEn, "Tang Liangzhi"));
  const created = await createVisit(db, EDITOR, {
    direction: "outgoing",
    title: "Return visit",
    status: "under_way",
    partnerIds: [await idOf(partner, eq(partner.slug, "chongqing"))],
    programme: [
      { kind: "meeting", title: "Talks", timeZone: "Asia/Shanghai", startDate: "2026-06-10", startTime: "10:00", endTime: "11:00", attendeeIds: [tang] },
      { kind: "meeting", title: "Not yet held", timeZone: "Asia/Shanghai", startDate: "2026-06-11", startTime: "10:00", endTime: "11:00" },
    ],
    gifts: [{ item: "Celadon vase", description: "From Icheon", toPersonId: tang, estimatedValue: 80000, currency: "KRW" }],
  });
  const v = await getVisit(db, created.id);
  const { meetingId, version } = await programmeItemToMeeting(db, EDITOR, v.id, { itemId: v.programme[0]!.id, version: v.version });
  return { v: await getVisit(db, v.id), meetingId, version, tang };
}

describe("[VISITS] planned gifts become the register's entries", () => {
  it("records a planned gift as given at a held meeting of the visit, linked and audited", async () => {
    const { v, meetingId, version, tang } = await heldVisit();
    const planned = v.gifts[0]!;
    const r = await recordPlannedGift(db, EDITOR, v.id, { plannedGiftId: planned.id, meetingId, version });
    expect(r.version).toBe(version + 1);
    const entry = (await db.select().from(gift).where(eq(gift.id, r.giftId)))[0]!;
    expect(entry).toMatchObject({ meetingId, direction: "given", item: "Celadon vase", description: "From Icheon", toPersonId: tang, estimatedValue: 80000, currency: "KRW", fromPersonId: null });
    const after = await getVisit(db, v.id);
    expect(after.gifts[0]!.giftId).toBe(r.giftId);
    // Linked to its entry, the planned gift is that entry, not a repeat of it.
    expect((await visitGiftWarnings(db, after)).get(planned.id) ?? []).toEqual([]);
    const audits = await db.select().from(auditEvent).where(and(eq(auditEvent.recordType, "gift"), eq(auditEvent.recordId, String(r.giftId))));
    expect(audits.map((a) => a.event)).toEqual(["create"]);
  });

  it("refuses a second recording, a meeting not held in this visit and a stale version, saving nothing", async () => {
    const { v, meetingId, version } = await heldVisit();
    const planned = v.gifts[0]!;
    const count = async () => (await db.select().from(gift)).length;
    const n = await count();
    await expect(recordPlannedGift(db, EDITOR, v.id, { plannedGiftId: planned.id, meetingId: 1, version })).rejects.toMatchObject({ code: "validation_failed", fields: { meetingId: expect.any(Array) as unknown } });
    await expect(recordPlannedGift(db, EDITOR, v.id, { plannedGiftId: planned.id, meetingId, version: version - 1 })).rejects.toMatchObject({ code: "conflict" });
    expect(await count()).toBe(n);
    expect((await getVisit(db, v.id)).gifts[0]!.giftId).toBeNull();
    await recordPlannedGift(db, EDITOR, v.id, { plannedGiftId: planned.id, meetingId, version });
    await expect(recordPlannedGift(db, EDITOR, v.id, { plannedGiftId: planned.id, meetingId, version: version + 1 })).rejects.toMatchObject({ code: "conflict" });
    expect(await count()).toBe(n + 1);
  });

  it("refuses a viewer on the server, and a call without arguments with a field error", async () => {
    const { v, meetingId, version } = await heldVisit();
    const input = { plannedGiftId: v.gifts[0]!.id, meetingId, version };
    who.role = "viewer";
    expect(await recordPlannedGiftAction(v.id, input)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await getVisit(db, v.id)).gifts[0]!.giftId).toBeNull();
    who.role = "editor";
    expect(await recordPlannedGiftAction(v.id, undefined)).toMatchObject({ ok: false, error: { code: "validation_failed", fields: expect.any(Object) as unknown } });
    expect(await recordPlannedGiftAction(v.id, input)).toMatchObject({ ok: true, data: { version: version + 1 } });
  });
});
