import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Tx } from "../client";
import { action, checklistItem, visitPartner, type Action } from "../schema";
import { reindexRecords } from "../search";
import { one } from "../tx";
import { nextPositionAtBottom } from "./actions";

// The visit's half of the link between our checklist items and the board's follow-ups (the
// board's half is checklist-link.ts): an item of ours is one follow-up of the visit's main partner,
// with the item's title and due date, done exactly when the item is ticked. Each write here is
// one versioned, audited change of the follow-up, inside the visit's own transaction.

type Item = typeof checklistItem.$inferSelect;

/** The follow-ups the visit's checklist links to now (read before a save, to archive the dropped). */
export async function linkedActionIds(tx: Tx, visitId: number): Promise<number[]> {
  const rows = await tx.select({ id: checklistItem.actionId }).from(checklistItem).where(and(eq(checklistItem.visitId, visitId), isNotNull(checklistItem.actionId)));
  return rows.flatMap((r) => (r.id === null ? [] : [r.id]));
}

/** Brings one follow-up in step with its checklist item; an unchanged one is not written. */
export async function followItem(tx: Tx, actor: Actor, actionId: number, item: Pick<Item, "title" | "dueOn" | "doneAt">, partnerId?: number): Promise<void> {
  const before = (await tx.select().from(action).where(eq(action.id, actionId)).limit(1))[0];
  if (!before) return;
  const next: Partial<Action> = {};
  if (before.title !== item.title) next.title = item.title;
  if (before.dueOn !== item.dueOn) next.dueOn = item.dueOn;
  if (partnerId !== undefined && before.partnerId !== partnerId) next.partnerId = partnerId;
  // Ticked is Done; unticked, a follow-up in progress or blocked keeps its column.
  if (item.doneAt && before.status !== "done") Object.assign(next, { status: "done", completedAt: item.doneAt, position: await nextPositionAtBottom(tx, "done") });
  if (!item.doneAt && before.status === "done") Object.assign(next, { status: "open", completedAt: null, position: await nextPositionAtBottom(tx, "open") });
  if (!Object.keys(next).length) return;
  const row = await one(tx.update(action).set({ ...next, version: sql`${action.version} + 1` }).where(eq(action.id, actionId)).returning());
  await reindexRecords(tx, "action", [actionId]);
  await writeAudit(tx, actor, { event: "update", recordType: "action", recordId: actionId, ...diff(before, row) });
}

/**
 * After a visit is saved: each item of ours has its follow-up (made for a new one), in step with
 * it; an item handed to their side lets go of its follow-up, and the follow-ups of items that left
 * the checklist are archived (kept, with their history, off the board).
 */
export async function syncChecklistActions(tx: Tx, actor: Actor, visitId: number, linkedBefore: number[]): Promise<void> {
  const main = (await tx.select({ id: visitPartner.partnerId }).from(visitPartner).where(eq(visitPartner.visitId, visitId)).orderBy(asc(visitPartner.position)).limit(1))[0];
  const items = await tx.select().from(checklistItem).where(eq(checklistItem.visitId, visitId)).orderBy(asc(checklistItem.position));
  const kept = new Set<number>();
  for (const item of items) {
    if (item.side !== "ours") {
      if (item.actionId) await tx.update(checklistItem).set({ actionId: null }).where(eq(checklistItem.id, item.id));
      continue;
    }
    if (item.actionId) {
      kept.add(item.actionId);
      await followItem(tx, actor, item.actionId, item, main?.id);
      continue;
    }
    if (!main) continue;
    const status = item.doneAt ? "done" : "open";
    const row = await one(tx
      .insert(action)
      .values({ partnerId: main.id, title: item.title, side: "ours", dueOn: item.dueOn, status, completedAt: item.doneAt, position: await nextPositionAtBottom(tx, status) })
      .returning());
    await tx.update(checklistItem).set({ actionId: row.id }).where(eq(checklistItem.id, item.id));
    await reindexRecords(tx, "action", [row.id]);
    await writeAudit(tx, actor, { event: "create", recordType: "action", recordId: row.id, after: { ...row, visitId, checklistItemId: item.id } });
  }
  const dropped = linkedBefore.filter((id) => !kept.has(id));
  if (!dropped.length) return;
  for (const before of await tx.select().from(action).where(inArray(action.id, dropped))) {
    if (before.archivedAt) continue;
    const row = await one(tx.update(action).set({ archivedAt: new Date(), version: sql`${action.version} + 1` }).where(eq(action.id, before.id)).returning());
    await writeAudit(tx, actor, { event: "archive", recordType: "action", recordId: before.id, ...diff(before, row) });
  }
}
