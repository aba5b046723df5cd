import { and, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { gift, meeting, person, type Gift } from "../schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { createGiftSchema, updateGiftSchema } from "@/lib/validation/gifts";
import type { GiftListParams } from "@/lib/validation/lists";
import { reindexRecords } from "../search";
import { staleOrMissing } from "./common";
import { cursorPage } from "./paging";

// Gifts on their own, for the API (the meeting form saves them with the meeting).

function assertRefs(tx: Tx, v: { meetingId: number; fromPersonId?: number; toPersonId?: number }) {
  if (!tx.select({ id: meeting.id }).from(meeting).where(eq(meeting.id, v.meetingId)).get())
    throw new UserError("validation_failed", "Unknown meeting.", { fields: { meetingId: ["Unknown meeting."] } });
  for (const key of ["fromPersonId", "toPersonId"] as const) {
    const pid = v[key];
    if (pid && !tx.select({ id: person.id }).from(person).where(eq(person.id, pid)).get())
      throw new UserError("validation_failed", "Unknown person.", { fields: { [key]: ["Unknown person."] } });
  }
}

/** A gift's item is also part of its meeting's entry (and of the meeting it left, when moved). */
function indexGift(tx: Tx, row: Gift, previousMeetingId?: number) {
  reindexRecords(tx, "gift", [row.id]);
  reindexRecords(tx, "meeting", previousMeetingId === undefined ? [row.meetingId] : [row.meetingId, previousMeetingId]);
}

function columns<T extends { fromParticipantIndex?: number; toParticipantIndex?: number }>(v: T) {
  const { fromParticipantIndex: _f, toParticipantIndex: _t, ...rest } = v;
  return rest;
}

export async function createGift(db: Db, actor: Actor, input: unknown): Promise<Gift> {
  const v = columns(parseInput(createGiftSchema, input));
  return db.transaction((tx) => {
    assertRefs(tx, v);
    const row = tx.insert(gift).values(v).returning().get();
    indexGift(tx, row);
    writeAudit(tx, actor, { event: "create", recordType: "gift", recordId: row.id, after: row });
    return row;
  });
}

export async function updateGift(db: Db, actor: Actor, id: number, input: unknown): Promise<Gift> {
  const { version, ...v } = columns(parseInput(updateGiftSchema, input));
  return db.transaction((tx) => {
    assertRefs(tx, v);
    const before = tx.select().from(gift).where(eq(gift.id, id)).get();
    if (!before) throw new NotFoundError("gift", id);
    const row = tx
      .update(gift)
      .set({
        ...v,
        description: v.description ?? null,
        origin: v.origin ?? null,
        fromPersonId: v.fromPersonId ?? null,
        toPersonId: v.toPersonId ?? null,
        estimatedValue: v.estimatedValue ?? null,
        currency: v.currency ?? null,
        declaredOn: v.declaredOn ?? null,
        disposition: v.disposition ?? null,
        version: sql`${gift.version} + 1`,
      })
      .where(and(eq(gift.id, id), eq(gift.version, version)))
      .returning()
      .get();
    if (!row) throw staleOrMissing(tx, gift, "gift", id);
    indexGift(tx, row, before.meetingId);
    writeAudit(tx, actor, { event: "update", recordType: "gift", recordId: id, ...diff(before, row) });
    return row;
  });
}

export async function getGift(db: Db, id: number): Promise<Gift> {
  const row = db.select().from(gift).where(eq(gift.id, id)).get();
  if (!row) throw new NotFoundError("Gift", id);
  return row;
}

export async function setGiftArchived(db: Db, actor: Actor, id: number, archived: boolean): Promise<Gift> {
  return db.transaction((tx) => {
    const before = tx.select().from(gift).where(eq(gift.id, id)).get();
    if (!before) throw new NotFoundError("gift", id);
    const row = tx
      .update(gift)
      .set({ archivedAt: archived ? new Date() : null, version: sql`${gift.version} + 1` })
      .where(eq(gift.id, id))
      .returning()
      .get();
    indexGift(tx, row);
    writeAudit(tx, actor, { event: archived ? "archive" : "restore", recordType: "gift", recordId: id, ...diff(before, row) });
    return row;
  });
}

export async function giftCursorPage(db: Db, f: Partial<GiftListParams> & { limit?: number; cursor?: string }) {
  const where = and(
    f.archived ? undefined : isNull(gift.archivedAt),
    f.meeting ? eq(gift.meetingId, f.meeting) : undefined,
    f.partner ? sql`${gift.meetingId} in (select id from meeting where partner_id = ${f.partner})` : undefined,
    f.direction ? eq(gift.direction, f.direction) : undefined,
  );
  return cursorPage(gift.id, where, f, (w, order, limit) => db.select().from(gift).where(w).orderBy(order).limit(limit).all());
}
