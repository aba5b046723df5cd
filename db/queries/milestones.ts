import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db } from "../client";
import { milestone, partner, type Milestone } from "../schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { createMilestoneSchema, updateMilestoneSchema } from "@/lib/validation/milestones";
import { staleOrMissing } from "./common";

export async function createMilestone(db: Db, actor: Actor, input: unknown): Promise<Milestone> {
  const v = parseInput(createMilestoneSchema, input);
  return db.transaction((tx) => {
    if (!tx.select({ id: partner.id }).from(partner).where(eq(partner.id, v.partnerId)).get())
      throw new UserError("validation_failed", "Unknown partner.", { fields: { partnerId: ["Unknown partner."] } });
    const row = tx.insert(milestone).values(v).returning().get();
    writeAudit(tx, actor, { event: "create", recordType: "milestone", recordId: row.id, after: row });
    return row;
  });
}

export async function updateMilestone(db: Db, actor: Actor, id: number, input: unknown): Promise<Milestone> {
  const { version, ...v } = parseInput(updateMilestoneSchema, input);
  return db.transaction((tx) => {
    const before = tx.select().from(milestone).where(eq(milestone.id, id)).get();
    if (!before) throw new NotFoundError("milestone", id);
    const row = tx
      .update(milestone)
      .set({ ...v, notes: v.notes ?? null, version: sql`${milestone.version} + 1` })
      .where(and(eq(milestone.id, id), eq(milestone.version, version)))
      .returning()
      .get();
    if (!row) throw staleOrMissing(tx, milestone, "milestone", id);
    writeAudit(tx, actor, { event: "update", recordType: "milestone", recordId: id, ...diff(before, row) });
    return row;
  });
}
