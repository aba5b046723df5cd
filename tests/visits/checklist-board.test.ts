import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getAction, moveAction, updateAction } from "@/db/queries/actions";
import { getBoard } from "@/db/queries/board";
import { getVisit } from "@/db/queries/visit-views";
import { createVisit, setChecklistDone, updateVisit } from "@/db/queries/visits";
import { action, auditEvent, checklistItem, partner } from "@/db/schema";
import { EDITOR, seededDb } from "../helpers/db";

// Our side's checklist items are follow-ups on the board: made with the visit, in step both ways,
// each change versioned and audited, all inside the write that caused it.

let db: Db;
beforeEach(async () => {
  db = await seededDb();
});

const chongqing = async () => (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!.id;

async function planVisit() {
  const v = await createVisit(db, EDITOR, {
    direction: "incoming",
    title: "Big-data delegation",
    status: "planned",
    partnerIds: [await chongqing()],
    checklist: [
      { title: "Send the invitation", side: "ours", dueOn: "2099-03-01" },
      { title: "Visas", side: "theirs" },
    ],
  });
  return getVisit(db, v.id);
}

const asInput = (v: Awaited<ReturnType<typeof getVisit>>) => ({
  ...v,
  programme: [],
  legs: [],
});

const cardOf = async (actionId: number) =>
  (await getBoard(db, {}, "2026-01-01", 200)).lanes[0]!.columns.flatMap((c) => c.cards).find((c) => c.id === actionId);

describe("[VISITS] the checklist of our side on the board", () => {
  it("makes each item of ours a follow-up of the visit's partner, shown on the board with the visit", async () => {
    const v = await planVisit();
    const [ours, theirs] = v.checklist;
    expect(theirs!.actionId).toBeNull();
    const a = await getAction(db, ours!.actionId!);
    expect(a).toMatchObject({ title: "Send the invitation", side: "ours", status: "open", dueOn: "2099-03-01", partnerId: await chongqing() });
    expect(await cardOf(a.id)).toMatchObject({ visitId: v.id, visitTitle: "Big-data delegation" });
    const created = await db.select().from(auditEvent).where(and(eq(auditEvent.recordType, "action"), eq(auditEvent.recordId, String(a.id))));
    expect(created.map((e) => e.event)).toEqual(["create"]);
  });

  it("completes the follow-up when the item is ticked on the visit page, and reopens it when unticked", async () => {
    const v = await planVisit();
    const item = v.checklist[0]!;
    const before = await getAction(db, item.actionId!);
    const { version } = await setChecklistDone(db, EDITOR, v.id, { itemId: item.id, done: true, version: v.version });
    const done = await getAction(db, item.actionId!);
    expect(done).toMatchObject({ status: "done", version: before.version + 1 });
    expect(done.completedAt).not.toBeNull();
    await setChecklistDone(db, EDITOR, v.id, { itemId: item.id, done: false, version });
    expect(await getAction(db, item.actionId!)).toMatchObject({ status: "open", completedAt: null, version: before.version + 2 });
  });

  it("ticks the item when its card is moved to Done on the board, moving the visit's version on", async () => {
    const v = await planVisit();
    const item = v.checklist[0]!;
    const a = await getAction(db, item.actionId!);
    await moveAction(db, EDITOR, { id: a.id, version: a.version, status: "done" });
    const after = await getVisit(db, v.id);
    expect(after.checklist[0]).toMatchObject({ id: item.id, done: true });
    expect(after.version).toBe(v.version + 1);
    const audits = await db.select().from(auditEvent).where(and(eq(auditEvent.recordType, "visit"), eq(auditEvent.recordId, String(v.id))));
    expect(audits.at(-1)!.after).toMatchObject({ checklist: [{ id: item.id, actionId: a.id }] });
    // Back to the open column on the board unticks it; an edit of the title there follows too.
    const moved = await getAction(db, a.id);
    await updateAction(db, EDITOR, a.id, { partnerId: moved.partnerId, title: "Send the invitation letter", side: "ours", status: "in_progress", priority: "normal", dueOn: "2099-03-02", version: moved.version });
    expect((await getVisit(db, v.id)).checklist[0]).toMatchObject({ title: "Send the invitation letter", dueOn: "2099-03-02", done: false });
  });

  it("keeps the follow-up in step through visit edits, archives it when the item leaves, and saves nothing on a stale save", async () => {
    const v = await planVisit();
    const item = v.checklist[0]!;
    const saved = await updateVisit(db, EDITOR, v.id, { ...asInput(v), checklist: v.checklist.map((c) => (c.id === item.id ? { ...c, title: "Send the invitation (signed)", done: true } : c)) });
    expect(await getAction(db, item.actionId!)).toMatchObject({ title: "Send the invitation (signed)", status: "done", archivedAt: null });
    const stale = updateVisit(db, EDITOR, v.id, { ...asInput(v), checklist: [] });
    await expect(stale).rejects.toMatchObject({ code: "conflict" });
    expect((await getAction(db, item.actionId!)).archivedAt).toBeNull();
    await updateVisit(db, EDITOR, v.id, { ...asInput(await getVisit(db, v.id)), version: saved.version, checklist: [] });
    expect((await getAction(db, item.actionId!)).archivedAt).not.toBeNull();
    expect(await db.select().from(checklistItem).where(eq(checklistItem.visitId, v.id))).toEqual([]);
  });

  it("makes no follow-up for an item of theirs, and lets go of one handed to their side", async () => {
    const v = await planVisit();
    const item = v.checklist[0]!;
    await updateVisit(db, EDITOR, v.id, { ...asInput(v), checklist: v.checklist.map((c) => (c.id === item.id ? { ...c, side: "theirs" } : c)) });
    expect((await getVisit(db, v.id)).checklist.every((c) => c.actionId === null)).toBe(true);
    expect((await db.select().from(action).where(eq(action.id, item.actionId!)))[0]!.archivedAt).not.toBeNull();
  });
});
