import { and, eq, gte, isNull, lte } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db } from "../client";
import { milestone, partner, type Milestone } from "../schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { parseInput, messageKey } from "@/lib/validation/common";
import { createMilestoneSchema, updateMilestoneSchema } from "@/lib/validation/milestones";
import type { MilestoneListParams } from "@/lib/validation/lists";

import { cursorPage } from "./paging";
import { inTransaction, one } from "../tx";
import { currentRow, setArchived, updateVersioned } from "./versioned";

export async function createMilestone(db: Db, actor: Actor, input: unknown): Promise<Milestone> {
  const v = parseInput(createMilestoneSchema, input);
  return await inTransaction(db, async (tx) => {
    if (!(await tx.select({ id: partner.id }).from(partner).where(eq(partner.id, v.partnerId)).limit(1))[0])
      throw new UserError("validation_failed", "Unknown partner.", { fields: { partnerId: [messageKey("unknownPartner")] } });
    const row = await one(tx.insert(milestone).values(v).returning());
    await writeAudit(tx, actor, { event: "create", recordType: "milestone", recordId: row.id, after: row });
    return row;
  });
}

export async function updateMilestone(db: Db, actor: Actor, id: number, input: unknown): Promise<Milestone> {
  const { version, ...v } = parseInput(updateMilestoneSchema, input);
  return await inTransaction(db, async (tx) => {
    const before = await currentRow(tx, milestone, "milestone", id);
    const row = await updateVersioned(tx, milestone, "milestone", id, version, { ...v, notes: v.notes ?? null });
    await writeAudit(tx, actor, { event: "update", recordType: "milestone", recordId: id, ...diff(before, row) });
    return row;
  });
}

export async function getMilestone(db: Db, id: number): Promise<Milestone> {
  const row = (await db.select().from(milestone).where(eq(milestone.id, id)).limit(1))[0];
  if (!row) throw new NotFoundError("Milestone", id);
  return row;
}

export async function setMilestoneArchived(db: Db, actor: Actor, id: number, archived: boolean): Promise<Milestone> {
  return await setArchived(db, actor, milestone, "milestone", id, archived);
}

export async function milestoneCursorPage(db: Db, f: Partial<MilestoneListParams> & { limit?: number; cursor?: string }) {
  return cursorPage(milestone.id, milestoneCursorWhere(f), f, async (w, order, limit) => await db.select().from(milestone).where(w).orderBy(order).limit(limit));
}

/** The API milestone list's filter (also read by the fast list path, list-rows.ts). */
export function milestoneCursorWhere(f: Partial<MilestoneListParams>) {
  return and(
    f.archived ? undefined : isNull(milestone.archivedAt),
    f.partner ? eq(milestone.partnerId, f.partner) : undefined,
    f.kind ? eq(milestone.kind, f.kind) : undefined,
    f.from ? gte(milestone.date, f.from) : undefined,
    f.to ? lte(milestone.date, f.to) : undefined,
  );
}
