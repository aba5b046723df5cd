import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { gift, meeting, person, type Gift } from "../schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { parseInput, messageKey } from "@/lib/validation/common";
import { createGiftSchema, updateGiftSchema, type CreateGift } from "@/lib/validation/gifts";
import type { GiftListParams } from "@/lib/validation/lists";
import { reindexRecords } from "../search";

import { cursorPage } from "./paging";
import { inTransaction, one } from "../tx";
import { clearOmitted } from "./common";
import { currentRow, setArchived, updateVersioned } from "./versioned";

// Gifts on their own, for the API (the meeting form saves them with the meeting).

/**
 * One partner's live gifts (of its live meetings, or of all its meetings), for `from(gift).crossJoin(meeting)`: read from
 * the gift side, each gift's meeting looked up by its key. A register holds a gift per several
 * meetings, while the meeting side reads every meeting of the partner to find its gifts (200,000
 * for the busiest partner at 1M meetings, 0.45 s, for three gifts). SQLite keeps the left table of
 * a cross join outside, so that order is fixed; PostgreSQL plans it as the inner join it is.
 */
export function giftsOfPartner(partnerId: number, o: { archivedMeetings?: boolean } = {}): SQL | undefined {
  return and(eq(meeting.id, gift.meetingId), eq(meeting.partnerId, partnerId), isNull(gift.archivedAt), o.archivedMeetings ? undefined : isNull(meeting.archivedAt));
}

async function assertRefs(tx: Tx, v: { meetingId: number; fromPersonId?: number; toPersonId?: number }) {
  if (!(await tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.id, v.meetingId)).limit(1))[0])
    throw new UserError("validation_failed", "Unknown meeting.", { fields: { meetingId: [messageKey("unknownMeeting")] } });
  for (const key of ["fromPersonId", "toPersonId"] as const) {
    const pid = v[key];
    if (pid && !(await tx.select({ id: person.id }).from(person).where(eq(person.id, pid)).limit(1))[0])
      throw new UserError("validation_failed", "Unknown person.", { fields: { [key]: [messageKey("unknownPerson")] } });
  }
}

/** A gift's item is also part of its meeting's entry (and of the meeting it left, when moved). */
async function indexGift(tx: Tx, row: Gift, previousMeetingId?: number) {
  await reindexRecords(tx, "gift", [row.id]);
  await reindexRecords(tx, "meeting", previousMeetingId === undefined ? [row.meetingId] : [row.meetingId, previousMeetingId]);
}

function columns<T extends { fromParticipantIndex?: number; toParticipantIndex?: number }>(v: T) {
  const { fromParticipantIndex: _f, toParticipantIndex: _t, ...rest } = v;
  return rest;
}

export async function createGift(db: Db, actor: Actor, input: unknown): Promise<Gift> {
  const v = parseInput(createGiftSchema, input);
  return await inTransaction(db, async (tx) => insertGift(tx, actor, v));
}

/** One gift into the register inside the caller's transaction (a visit records its planned gifts so). */
export async function insertGift(tx: Tx, actor: Actor, input: CreateGift): Promise<Gift> {
  const v = columns(input);
  await assertRefs(tx, v);
  const row = await one(tx.insert(gift).values(v).returning());
  await indexGift(tx, row);
  await writeAudit(tx, actor, { event: "create", recordType: "gift", recordId: row.id, after: row });
  return row;
}

export async function updateGift(db: Db, actor: Actor, id: number, input: unknown): Promise<Gift> {
  const { version, ...v } = columns(parseInput(updateGiftSchema, input));
  return await inTransaction(db, async (tx) => {
    await assertRefs(tx, v);
    const before = await currentRow(tx, gift, "gift", id);
    const row = await updateVersioned(tx, gift, "gift", id, version,
      clearOmitted(v, ["description", "origin", "fromPersonId", "toPersonId", "estimatedValue", "currency", "declaredOn", "disposition"]),
    );
    await indexGift(tx, row, before.meetingId);
    await writeAudit(tx, actor, { event: "update", recordType: "gift", recordId: id, ...diff(before, row) });
    return row;
  });
}

export async function getGift(db: Db, id: number): Promise<Gift> {
  const row = (await db.select().from(gift).where(eq(gift.id, id)).limit(1))[0];
  if (!row) throw new NotFoundError("Gift", id);
  return row;
}

export async function setGiftArchived(db: Db, actor: Actor, id: number, archived: boolean): Promise<Gift> {
  return await setArchived(db, actor, gift, "gift", id, archived, async (tx, row) => await indexGift(tx, row));
}

export async function giftCursorPage(db: Db, f: Partial<GiftListParams> & { limit?: number; cursor?: string }) {
  return cursorPage(gift.id, giftCursorWhere(f), f, async (w, order, limit) => await db.select().from(gift).where(w).orderBy(order).limit(limit));
}

/** The API gift list's filter (also read by the fast list path, list-rows.ts). */
export function giftCursorWhere(f: Partial<GiftListParams>) {
  return and(
    f.archived ? undefined : isNull(gift.archivedAt),
    f.meeting ? eq(gift.meetingId, f.meeting) : undefined,
    f.partner ? sql`${gift.meetingId} in (select id from meeting where partner_id = ${f.partner})` : undefined,
    f.direction ? eq(gift.direction, f.direction) : undefined,
  );
}
