import { and, asc, count, desc, eq, exists, gt, gte, inArray, isNull, lt, lte, max, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { action, actionComment, meeting, partner, person, type Action } from "../schema";
import { actionColumns } from "./columns";
import { matchesSearch, reindexRecords } from "../search";
import { NotFoundError, UserError } from "@/lib/errors";
import type { ActionStatus } from "@/lib/domain";
import { parseInput, messageKey } from "@/lib/validation/common";
import { commentSchema, createActionSchema, moveActionSchema, updateActionSchema } from "@/lib/validation/actions";
import { planMove } from "@/lib/board/position";
import type { ActionListParams } from "@/lib/validation/lists";
import { mirrorActionToChecklist } from "./checklist-link";
import { overdueAction, unfinishedAction } from "./action-rules";
import { clearOmitted, pageSize } from "./common";
import { cursorPage } from "./paging";
import { inTransaction, one } from "../tx";
import { countsOfPartner } from "./partner-counts";
import { keptCount } from "../memo";
import { currentRow, setArchived, staleOrMissing, updateVersioned } from "./versioned";
import type { ActionsPage } from "@/lib/types/lists";

/** Gap between neighbouring cards, so most moves write one row (see lib/board/position.ts). */
export const POSITION_GAP = 1024;

export async function nextPositionAtBottom(tx: Tx, status: string): Promise<number> {
  const row = (await tx.select({ p: max(action.position) }).from(action).where(eq(action.status, status)).limit(1))[0];
  return (row?.p ?? 0) + POSITION_GAP;
}

async function assertRefs(tx: Tx, v: { partnerId: number; meetingId?: number; ownerPersonId?: number }) {
  if (!(await tx.select({ id: partner.id }).from(partner).where(eq(partner.id, v.partnerId)).limit(1))[0])
    throw new UserError("validation_failed", "Unknown partner.", { fields: { partnerId: [messageKey("unknownPartner")] } });
  if (v.meetingId) {
    const m = (await tx.select({ partnerId: meeting.partnerId }).from(meeting).where(eq(meeting.id, v.meetingId)).limit(1))[0];
    if (!m) throw new UserError("validation_failed", "Unknown meeting.", { fields: { meetingId: [messageKey("unknownMeeting")] } });
    if (m.partnerId !== v.partnerId)
      throw new UserError("validation_failed", "The meeting belongs to another partner.", {
        fields: { meetingId: [messageKey("meetingOfOtherPartner")] },
      });
  }
  if (v.ownerPersonId && !(await tx.select({ id: person.id }).from(person).where(eq(person.id, v.ownerPersonId)).limit(1))[0])
    throw new UserError("validation_failed", "Unknown person.", { fields: { ownerPersonId: [messageKey("unknownPerson")] } });
}

export async function createAction(db: Db, actor: Actor, input: unknown): Promise<Action> {
  const { ownerParticipantIndex: _i, ...v } = parseInput(createActionSchema, input);
  return await inTransaction(db, async (tx) => {
    await assertRefs(tx, v);
    const row = await one(tx
      .insert(action)
      .values({ ...v, position: await nextPositionAtBottom(tx, v.status), completedAt: v.status === "done" ? new Date() : null })
      .returning());
    await reindexRecords(tx, "action", [row.id]);
    await writeAudit(tx, actor, { event: "create", recordType: "action", recordId: row.id, after: row });
    return row;
  });
}

export async function updateAction(db: Db, actor: Actor, id: number, input: unknown): Promise<Action> {
  const { version, ownerParticipantIndex: _i, ...v } = parseInput(updateActionSchema, input);
  return await inTransaction(db, async (tx) => {
    await assertRefs(tx, v);
    const before = await currentRow(tx, action, "action", id);
    const statusChanged = before.status !== v.status;
    const row = await updateVersioned(tx, action, "action", id, version, {
      ...clearOmitted(v, ["meetingId", "ownerPersonId", "ownerUserId", "dueOn", "description"]),
      completedAt: v.status === "done" ? (before.completedAt ?? new Date()) : null,
      position: statusChanged ? (await nextPositionAtBottom(tx, v.status)) : before.position,
    });
    await reindexRecords(tx, "action", [row.id]);
    await writeAudit(tx, actor, { event: "update", recordType: "action", recordId: id, ...diff(before, row) });
    await mirrorActionToChecklist(tx, actor, row);
    return row;
  });
}

/** How many unfinished follow-ups a partner page lists; the rest are one link away. */
export const PARTNER_ACTIONS_SHOWN = 10;

/**
 * A partner's unfinished follow-ups, soonest due first (undated last), capped for the partner
 * page, with the full count: a partner with thousands of actions must not render them all.
 */
export async function partnerActions(db: Db, partnerId: number, limit = PARTNER_ACTIONS_SHOWN) {
  const where = and(eq(action.partnerId, partnerId), unfinishedAction());
  const rows = await db
    .select({
      ...actionColumns,
      completedAt: action.completedAt,
      meetingId: action.meetingId,
      ownerName: person.nameEn,
      ownerNameLocal: person.nameLocal,
    })
    .from(action)
    .leftJoin(person, eq(person.id, action.ownerPersonId))
    .where(where)
    .orderBy(sql`${action.dueOn} is null`, asc(action.dueOn), asc(action.id))
    .limit(limit);
  // All of them, as kept per partner until a write (partner-counts.ts).
  const total = (await countsOfPartner(db, partnerId)).open;
  return { rows, total };
}

export function actionWhere(f: Partial<ActionListParams>, today?: string): SQL | undefined {
  const todayIso = today ?? new Date().toISOString().slice(0, 10);
  const inAWeek = new Date(Date.parse(`${todayIso}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const unfinished = unfinishedAction({ archived: true });
  return and(
    f.archived ? undefined : isNull(action.archivedAt),
    f.partner ? eq(action.partnerId, f.partner) : undefined,
    f.status === "unfinished" ? unfinished : f.status ? eq(action.status, f.status) : undefined,
    f.side ? eq(action.side, f.side) : undefined,
    f.priority ? eq(action.priority, f.priority) : undefined,
    f.owner ? eq(action.ownerPersonId, f.owner) : undefined,
    f.meeting ? eq(action.meetingId, f.meeting) : undefined,
    f.due === "overdue" ? overdueAction(todayIso, { archived: true }) : undefined,
    f.due === "week" ? and(unfinished, gte(action.dueOn, todayIso), lt(action.dueOn, inAWeek)) : undefined,
    f.due === "none" ? isNull(action.dueOn) : undefined,
    f.from ? gte(action.dueOn, f.from) : undefined,
    f.to ? lte(action.dueOn, f.to) : undefined,
    f.q ? matchesSearch("action", action.id, f.q) : undefined,
  );
}

const PRIORITY_RANK = sql`case ${action.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`;

/**
 * The /actions screen: follow-ups across partners, filtered, sorted and paged from the URL, 25 a
 * page like the other lists (a page of 50 was twice the rendering for rows below the fold).
 */
export async function listActions(db: Db, f: Partial<ActionListParams> & { size?: number; today?: string } = {}): Promise<ActionsPage> {
  const size = pageSize(f.size, 25);
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const where = actionWhere(f, f.today);
  const order =
    f.sort === "recent"
      ? [desc(action.id)]
      : f.sort === "priority"
        ? [PRIORITY_RANK, sql`${action.dueOn} is null`, asc(action.dueOn), asc(action.id)]
        : f.sort === "title"
          ? [asc(action.title), asc(action.id)]
          : [sql`${action.dueOn} is null`, asc(action.dueOn), asc(action.id)];
  const rows = await db
    .select({
      ...actionColumns,
      meetingId: action.meetingId,
      partnerId: action.partnerId,
      partnerSlug: partner.slug,
      partnerNameEn: partner.nameEn,
      partnerNameKo: partner.nameKo,
      ownerPersonId: action.ownerPersonId,
      ownerName: person.nameEn,
      archivedAt: action.archivedAt,
    })
    .from(action)
    .innerJoin(partner, eq(partner.id, action.partnerId))
    .leftJoin(person, eq(person.id, action.ownerPersonId))
    // The page's ids first, from the action index alone (action_live_order_idx for the default
    // order): a deep page skips index entries, not joined rows, and the joins run for 50 rows.
    .where(inArray(action.id, db.select({ id: action.id }).from(action).where(where).orderBy(...order).limit(size).offset((page - 1) * size)))
    .orderBy(...order);
  const { page: _p, sort: _s, size: _z, ...filters } = f;
  const total = await keptCount(db, "actions", { ...filters, today: f.today ?? new Date().toISOString().slice(0, 10) }, async () =>
    (await db.select({ n: count() }).from(action).where(where).limit(1))[0]!.n);
  return { rows, total, page, size };
}

export async function actionCursorPage(db: Db, f: Partial<ActionListParams> & { limit?: number; cursor?: string }) {
  return cursorPage(action.id, actionWhere(f), f, async (where, order, limit) =>
    await db.select().from(action).where(where).orderBy(order).limit(limit),
  );
}

export async function getAction(db: Db, id: number): Promise<Action> {
  const row = (await db.select().from(action).where(eq(action.id, id)).limit(1))[0];
  if (!row) throw new NotFoundError("Action", id);
  return row;
}

export async function setActionArchived(db: Db, actor: Actor, id: number, archived: boolean): Promise<Action> {
  return await setArchived(db, actor, action, "action", id, archived);
}

/** People who own a live follow-up: the owner filter of /actions and of the exports. */
export function actionOwnerOptionsQuery(db: Db) {
  // EXISTS walks the people (hundreds) and probes the owner index; a DISTINCT join scanned
  // every live action (575 ms at 300k actions, 0.5 ms this way).
  return db
    .select({ id: person.id, nameEn: person.nameEn, nameLocal: person.nameLocal })
    .from(person)
    .where(exists(db.select({ one: sql`1` }).from(action).where(and(eq(action.ownerPersonId, person.id), isNull(action.archivedAt)))))
    .orderBy(asc(person.nameEn));
}

export async function actionOwnerOptions(db: Db) {
  return await actionOwnerOptionsQuery(db);
}

/** The cards either side of a slot in a column, read in position order (for one move). */
async function neighbours(tx: Tx, status: string, movingId: number, afterId?: number, beforeId?: number) {
  const col = async (where: SQL | undefined, dir: "asc" | "desc", limit: number) =>
    await tx
      .select({ id: action.id, position: action.position })
      .from(action)
      .where(and(eq(action.status, status), sql`${action.id} <> ${movingId}`, where))
      .orderBy(dir === "asc" ? asc(action.position) : desc(action.position), dir === "asc" ? asc(action.id) : desc(action.id))
      .limit(limit);
  const inColumn = async (id: number | undefined) =>
    id === undefined || id === movingId
      ? undefined
      : (await tx.select({ id: action.id, position: action.position }).from(action).where(and(eq(action.id, id), eq(action.status, status))).limit(1))[0];
  const after = await inColumn(afterId);
  if (after) {
    const next = await col(or(gt(action.position, after.position), and(eq(action.position, after.position), gt(action.id, after.id))), "asc", 1);
    return { slice: [after, ...next], afterId: after.id };
  }
  const before = await inColumn(beforeId);
  if (before) {
    const prev = await col(or(lt(action.position, before.position), and(eq(action.position, before.position), lt(action.id, before.id))), "desc", 1);
    return { slice: [...prev, before], beforeId: before.id };
  }
  // No anchor in this column (an empty column, or the neighbours moved meanwhile): the bottom.
  return { slice: await col(undefined, "desc", 1), afterId: undefined, bottom: true };
}

/**
 * Moves a card to a column and a slot between two cards: one versioned write (plus, rarely, a
 * renumbering of the column when no gap is left), completed_at kept in step with Done, audited.
 */
export async function moveAction(db: Db, actor: Actor, input: unknown) {
  const v = parseInput(moveActionSchema, input);
  return await inTransaction(db, async (tx) => {
    const before = (await tx.select().from(action).where(eq(action.id, v.id)).limit(1))[0];
    if (!before || before.version !== v.version) throw await staleOrMissing(tx, action, "action", v.id);
    const n = await neighbours(tx, v.status, v.id, v.afterId, v.beforeId);
    const anchors = n.bottom ? { afterId: n.slice[0]?.id } : { afterId: n.afterId, beforeId: n.beforeId };
    let plan = planMove(n.slice, v.id, anchors);
    if (plan.renumbered) {
      const column = await tx
        .select({ id: action.id, position: action.position })
        .from(action)
        .where(eq(action.status, v.status))
        .orderBy(asc(action.position), asc(action.id));
      plan = planMove(column, v.id, anchors);
      for (const r of plan.renumbered ?? [])
        if (r.id !== v.id) await tx.update(action).set({ position: r.position }).where(eq(action.id, r.id));
    }
    const completedAt = v.status === "done" ? (before.status === "done" ? before.completedAt : new Date()) : null;
    const row = await updateVersioned(tx, action, "action", v.id, v.version, { status: v.status, position: plan.position, completedAt, updatedAt: new Date() });
    const d = diff(before, row);
    await writeAudit(tx, actor, { event: "move", recordType: "action", recordId: v.id, before: d.before, after: { ...d.after, renumbered: !!plan.renumbered } });
    await mirrorActionToChecklist(tx, actor, row);
    return { id: row.id, version: row.version, status: row.status as ActionStatus, position: row.position, completedAt: row.completedAt?.toISOString() ?? null };
  });
}

/** A comment or progress note on an action, by the signed-in user; audited with the action. */
export async function addComment(db: Db, actor: Actor, input: unknown) {
  const v = parseInput(commentSchema, input);
  return await inTransaction(db, async (tx) => {
    if (!(await tx.select({ id: action.id }).from(action).where(eq(action.id, v.actionId)).limit(1))[0]) throw new NotFoundError("action", v.actionId);
    const row = await one(tx.insert(actionComment).values({ actionId: v.actionId, body: v.body, authorUserId: actor.userId }).returning());
    await writeAudit(tx, actor, { event: "comment", recordType: "action", recordId: v.actionId, after: { commentId: row.id, body: row.body } });
    return { id: row.id };
  });
}
