import { and, asc, eq, isNull, max, sql } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { action, meeting, partner, person, type Action } from "../schema";
import { indexRecord } from "../search";
import { NotFoundError, UserError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { createActionSchema, updateActionSchema } from "@/lib/validation/actions";
import { staleOrMissing } from "./common";

/** Gap between neighbouring cards, so most moves write one row (see lib/board/position.ts). */
export const POSITION_GAP = 1024;

export function nextPositionAtBottom(tx: Tx, status: string): number {
  const row = tx.select({ p: max(action.position) }).from(action).where(eq(action.status, status)).get();
  return (row?.p ?? 0) + POSITION_GAP;
}

function assertRefs(tx: Tx, v: { partnerId: number; meetingId?: number; ownerPersonId?: number }) {
  if (!tx.select({ id: partner.id }).from(partner).where(eq(partner.id, v.partnerId)).get())
    throw new UserError("validation_failed", "Unknown partner.", { fields: { partnerId: ["Unknown partner."] } });
  if (v.meetingId) {
    const m = tx.select({ partnerId: meeting.partnerId }).from(meeting).where(eq(meeting.id, v.meetingId)).get();
    if (!m) throw new UserError("validation_failed", "Unknown meeting.", { fields: { meetingId: ["Unknown meeting."] } });
    if (m.partnerId !== v.partnerId)
      throw new UserError("validation_failed", "The meeting belongs to another partner.", {
        fields: { meetingId: ["The meeting belongs to another partner."] },
      });
  }
  if (v.ownerPersonId && !tx.select({ id: person.id }).from(person).where(eq(person.id, v.ownerPersonId)).get())
    throw new UserError("validation_failed", "Unknown person.", { fields: { ownerPersonId: ["Unknown person."] } });
}

export async function createAction(db: Db, actor: Actor, input: unknown): Promise<Action> {
  const { ownerParticipantIndex: _i, ...v } = parseInput(createActionSchema, input);
  return db.transaction((tx) => {
    assertRefs(tx, v);
    const row = tx
      .insert(action)
      .values({ ...v, position: nextPositionAtBottom(tx, v.status), completedAt: v.status === "done" ? new Date() : null })
      .returning()
      .get();
    indexRecord(tx, "action", row.id, [row.title, row.description]);
    writeAudit(tx, actor, { event: "create", recordType: "action", recordId: row.id, after: row });
    return row;
  });
}

export async function updateAction(db: Db, actor: Actor, id: number, input: unknown): Promise<Action> {
  const { version, ownerParticipantIndex: _i, ...v } = parseInput(updateActionSchema, input);
  return db.transaction((tx) => {
    assertRefs(tx, v);
    const before = tx.select().from(action).where(eq(action.id, id)).get();
    if (!before) throw new NotFoundError("action", id);
    const statusChanged = before.status !== v.status;
    const row = tx
      .update(action)
      .set({
        ...v,
        meetingId: v.meetingId ?? null,
        ownerPersonId: v.ownerPersonId ?? null,
        ownerUserId: v.ownerUserId ?? null,
        dueOn: v.dueOn ?? null,
        description: v.description ?? null,
        completedAt: v.status === "done" ? (before.completedAt ?? new Date()) : null,
        position: statusChanged ? nextPositionAtBottom(tx, v.status) : before.position,
        version: sql`${action.version} + 1`,
      })
      .where(and(eq(action.id, id), eq(action.version, version)))
      .returning()
      .get();
    if (!row) throw staleOrMissing(tx, action, "action", id);
    indexRecord(tx, "action", row.id, [row.title, row.description]);
    writeAudit(tx, actor, { event: "update", recordType: "action", recordId: id, ...diff(before, row) });
    return row;
  });
}

export async function partnerActions(db: Db, partnerId: number) {
  return db
    .select({
      id: action.id,
      title: action.title,
      side: action.side,
      status: action.status,
      priority: action.priority,
      dueOn: action.dueOn,
      completedAt: action.completedAt,
      meetingId: action.meetingId,
      ownerName: person.nameEn,
      ownerNameLocal: person.nameLocal,
    })
    .from(action)
    .leftJoin(person, eq(person.id, action.ownerPersonId))
    .where(and(eq(action.partnerId, partnerId), isNull(action.archivedAt)))
    .orderBy(asc(action.dueOn), asc(action.id))
    .all();
}
