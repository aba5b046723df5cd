import { eq, sql } from "drizzle-orm";
import type { Actor } from "../audit";
import { writeAudit } from "../audit";
import type { Tx } from "../client";
import { checklistItem, visit, type Action } from "../schema";

// Our side's checklist items are follow-ups on the board (checklist_item.action_id). This is the
// board's half of the link: when a follow-up changes there or on the API, its checklist item
// follows. The visit's half is in checklist-actions.ts.

/**
 * Ticks or unticks the checklist item of a follow-up that was moved to or out of Done, and keeps
 * its title and due date, moving the visit's version on; does nothing for other follow-ups.
 */
export async function mirrorActionToChecklist(tx: Tx, actor: Actor, a: Action): Promise<void> {
  const item = (await tx.select().from(checklistItem).where(eq(checklistItem.actionId, a.id)).limit(1))[0];
  if (!item) return;
  const doneAt = a.status === "done" ? (item.doneAt ?? a.completedAt ?? new Date()) : null;
  if (item.title === a.title && item.dueOn === a.dueOn && (item.doneAt === null) === (doneAt === null)) return;
  const next = { title: a.title, dueOn: a.dueOn, doneAt };
  await tx.update(checklistItem).set(next).where(eq(checklistItem.id, item.id));
  await tx.update(visit).set({ version: sql`${visit.version} + 1` }).where(eq(visit.id, item.visitId));
  await writeAudit(tx, actor, {
    event: "update",
    recordType: "visit",
    recordId: item.visitId,
    before: { checklist: [{ id: item.id, title: item.title, dueOn: item.dueOn, doneAt: item.doneAt }] },
    after: { checklist: [{ id: item.id, ...next, actionId: a.id }] },
  });
}
