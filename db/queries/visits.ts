import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { checklistItem, gift, meeting, partner, person, plannedGift, programmeAttendee, programmeItem, travelLeg, visit, visitMember, visitPartner, type Visit } from "../schema";
import { NotFoundError, UserError } from "@/lib/errors";
import { messageKey, parseInput, type MessageKey } from "@/lib/validation/common";
import { englishMessage } from "@/lib/validation/english";
import { createGiftSchema } from "@/lib/validation/gifts";
import { createMeetingSchema } from "@/lib/validation/meetings";
import { createVisitSchema, updateVisitSchema, type CreateVisit } from "@/lib/validation/visits";
import { followItem, linkedActionIds, syncChecklistActions } from "./checklist-actions";
import { clearOmitted } from "./common";
import { insertGift } from "./gifts";
import { insertMeeting } from "./meetings";
import { reindexRecords } from "../search";
import { inTransaction, one } from "../tx";
import { setArchived, updateVersioned } from "./versioned";

// A visit and everything in it is saved in one transaction: the whole document or nothing. Parts
// sent with an id are changed in place (a programme item keeps its id and so its meeting link),
// parts without one are added, and the ones left out are removed.

// The message is the English words, for logs; the field carries the key.
const invalid = (path: string, key: MessageKey) => new UserError("validation_failed", englishMessage(messageKey(key)), { fields: { [path]: [messageKey(key)] } });

/** Every id the document refers to must exist: a 422 on its field, never a foreign-key 500. */
async function assertRefs(tx: Tx, v: CreateVisit) {
  const known = async (table: SQLiteTable & { id: SQLiteColumn }, ids: number[]) =>
    new Set(ids.length ? (await tx.select({ id: table.id }).from(table).where(inArray(table.id, ids))).map((r) => r.id as number) : []);
  const partners = await known(partner, v.partnerIds);
  v.partnerIds.forEach((p, i) => {
    if (!partners.has(p)) throw invalid(`partnerIds.${i}`, "unknownPartner");
  });
  const refs: [string, number | undefined][] = [
    ["headPersonId", v.headPersonId],
    ...v.members.map((m, i): [string, number] => [`members.${i}.personId`, m.personId]),
    ...v.programme.flatMap((p, i) => p.attendeeIds.map((a, j): [string, number] => [`programme.${i}.attendeeIds.${j}`, a])),
    ...v.legs.map((l, i): [string, number | undefined] => [`legs.${i}.personId`, l.personId]),
    ...v.gifts.map((g, i): [string, number | undefined] => [`gifts.${i}.toPersonId`, g.toPersonId]),
  ];
  const people = await known(person, refs.flatMap(([, id]) => (id === undefined ? [] : [id])));
  for (const [path, id] of refs) if (id !== undefined && !people.has(id)) throw invalid(path, "unknownPerson");
  const meetings = await known(meeting, v.programme.flatMap((p) => (p.meetingId ? [p.meetingId] : [])));
  v.programme.forEach((p, i) => {
    if (p.meetingId && !meetings.has(p.meetingId)) throw invalid(`programme.${i}.meetingId`, "unknownMeeting");
  });
  const claimed = new Set<number>();
  for (const [i, p] of v.programme.entries()) {
    if (!p.meetingId) continue;
    // One meeting is one programme item: the unique index would otherwise answer with a 500.
    const holder = (await tx.select({ id: programmeItem.id }).from(programmeItem).where(eq(programmeItem.meetingId, p.meetingId)).limit(1))[0];
    if (claimed.has(p.meetingId) || (holder && holder.id !== p.id)) throw invalid(`programme.${i}.meetingId`, "meetingInOtherItem");
    claimed.add(p.meetingId);
  }
  const gifts = await known(gift, v.gifts.flatMap((g) => (g.giftId ? [g.giftId] : [])));
  v.gifts.forEach((g, i) => {
    if (g.giftId && !gifts.has(g.giftId)) throw invalid(`gifts.${i}.giftId`, "unknownGift");
  });
}

type Child = SQLiteTable & { id: SQLiteColumn; visitId: SQLiteColumn };
type ChildRow = Record<string, unknown> & { id: number };

/**
 * Makes one part of the visit what the payload lists; returns each row's id in payload order.
 * `values` gets the stored row for a part sent with an id, so it can keep what the form omits.
 */
async function sync<R extends { id?: number }>(tx: Tx, table: Child, name: string, visitId: number, rows: R[], values: (r: R, stored?: ChildRow) => Record<string, unknown>): Promise<number[]> {
  const existing = new Map(((await tx.select().from(table).where(eq(table.visitId, visitId))) as ChildRow[]).map((r) => [r.id, r]));
  const kept = new Set<number>();
  rows.forEach((r, i) => {
    if (r.id === undefined) return;
    if (!existing.has(r.id) || kept.has(r.id)) throw invalid(`${name}.${i}.id`, "notPartOfVisit");
    kept.add(r.id);
  });
  // Removed first, so a part sent again without its id (a member re-added) meets no unique index.
  const gone = [...existing.keys()].filter((id) => !kept.has(id));
  if (gone.length) await tx.delete(table).where(inArray(table.id, gone));
  const ids: number[] = [];
  for (const r of rows) {
    if (r.id === undefined) {
      ids.push(((await one(tx.insert(table).values({ ...values(r), visitId } as never).returning({ id: table.id }))) as { id: number }).id);
      continue;
    }
    const stored = existing.get(r.id)!;
    const next = values(r, stored);
    if (Object.keys(diff(stored, { ...stored, ...next }).after).length) await tx.update(table).set(next).where(eq(table.id, r.id));
    ids.push(r.id);
  }
  return ids;
}

async function saveParts(tx: Tx, visitId: number, v: CreateVisit) {
  await tx.delete(visitPartner).where(eq(visitPartner.visitId, visitId));
  await tx.insert(visitPartner).values(v.partnerIds.map((partnerId, position) => ({ visitId, partnerId, position })));

  await sync(tx, visitMember, "members", visitId, v.members, (m) => ({ personId: m.personId, role: m.role, titleAtTime: m.titleAtTime ?? null }));
  const itemIds = await sync(tx, programmeItem, "programme", visitId, v.programme, (p, stored) => {
    const { id: _i, attendeeIds: _a, meetingId, ...rest } = p;
    return { ...clearOmitted(rest, ["place", "notes"]), meetingId: meetingId ?? (stored?.meetingId) ?? null };
  });
  if (itemIds.length) await tx.delete(programmeAttendee).where(inArray(programmeAttendee.itemId, itemIds));
  const attendees = v.programme.flatMap((p, i) => p.attendeeIds.map((personId) => ({ itemId: itemIds[i]!, personId })));
  if (attendees.length) await tx.insert(programmeAttendee).values(attendees);

  await sync(tx, travelLeg, "legs", visitId, v.legs, (l) => {
    const { id: _i, ...rest } = l;
    return clearOmitted(rest, ["personId", "number", "notes"]);
  });
  await sync(tx, plannedGift, "gifts", visitId, v.gifts, (g) => {
    const { id: _i, ...rest } = g;
    return clearOmitted(rest, ["description", "toPersonId", "estimatedValue", "currency", "giftId"]);
  });
  await sync(tx, checklistItem, "checklist", visitId, v.checklist, (c, stored) => {
    const { id: _i, done, ...rest } = c;
    const doneAt = done ? ((stored?.doneAt as Date | null | undefined) ?? new Date()) : null;
    return { ...clearOmitted(rest, ["dueOn"]), doneAt, position: v.checklist.indexOf(c) };
  });
}

/** The visit's fields as stored, with its parts summarised for the audit trail. */
async function snapshot(tx: Tx, id: number) {
  const row = (await tx.select().from(visit).where(eq(visit.id, id)).limit(1))[0];
  if (!row) return null;
  const part = async (table: Child) => await tx.select().from(table).where(eq(table.visitId, id)).orderBy(asc(table.id));
  return {
    ...row,
    partnerIds: (await tx.select({ p: visitPartner.partnerId }).from(visitPartner).where(eq(visitPartner.visitId, id)).orderBy(asc(visitPartner.position))).map((r) => r.p),
    members: await part(visitMember),
    programme: await part(programmeItem),
    legs: await part(travelLeg),
    gifts: await part(plannedGift),
    checklist: await part(checklistItem),
  };
}

function visitValues(v: CreateVisit) {
  const { partnerIds: _p, members, programme: _pr, legs: _l, gifts: _g, checklist: _c, ...fields } = v;
  // The head of delegation is the one named, else the member with the role of head.
  const headPersonId = fields.headPersonId ?? members.find((m) => m.role === "head")?.personId;
  return clearOmitted({ ...fields, headPersonId }, [
    "purpose",
    "headPersonId",
    "hotel",
    "interpreterLanguages",
    "dietaryNeeds",
    "accessNeeds",
    "budgetAmount",
    "budgetCurrency",
    "notes",
  ]);
}

export async function createVisit(db: Db, actor: Actor, input: unknown): Promise<Visit> {
  const v = parseInput(createVisitSchema, input);
  return await inTransaction(db, async (tx) => {
    await assertRefs(tx, v);
    const row = await one(tx.insert(visit).values(visitValues(v)).returning());
    await saveParts(tx, row.id, v);
    await syncChecklistActions(tx, actor, row.id, []);
    await reindexRecords(tx, "visit", [row.id]);
    await writeAudit(tx, actor, { event: "create", recordType: "visit", recordId: row.id, after: await snapshot(tx, row.id) });
    return row;
  });
}

/** Saves the whole visit against the version the editor read: a stale one is a 409, nothing saved. */
export async function updateVisit(db: Db, actor: Actor, id: number, input: unknown): Promise<Visit> {
  const { version, ...v } = parseInput(updateVisitSchema, input);
  return await inTransaction(db, async (tx) => {
    const before = await snapshot(tx, id);
    if (!before) throw new NotFoundError("visit", id);
    await assertRefs(tx, v);
    const row = await updateVersioned(tx, visit, "visit", id, version, visitValues(v));
    const linked = await linkedActionIds(tx, id);
    await saveParts(tx, id, v);
    await syncChecklistActions(tx, actor, id, linked);
    await reindexRecords(tx, "visit", [id]);
    await writeAudit(tx, actor, { event: "update", recordType: "visit", recordId: id, ...diff(before, (await snapshot(tx, id))!) });
    return row;
  });
}

export async function setVisitArchived(db: Db, actor: Actor, id: number, archived: boolean): Promise<Visit> {
  return await setArchived(db, actor, visit, "visit", id, archived);
}

/** Ticks or unticks one checklist item from the visit page (and so its follow-up); it moves the visit's version on. */
export async function setChecklistDone(db: Db, actor: Actor, visitId: number, p: { itemId: number; done: boolean; version: number }) {
  return await inTransaction(db, async (tx) => {
    const item = (await tx.select().from(checklistItem).where(and(eq(checklistItem.id, p.itemId), eq(checklistItem.visitId, visitId))).limit(1))[0];
    if (!item) throw new NotFoundError("checklist item", p.itemId);
    const row = await updateVersioned(tx, visit, "visit", visitId, p.version, {});
    const doneAt = p.done ? (item.doneAt ?? new Date()) : null;
    await tx.update(checklistItem).set({ doneAt }).where(eq(checklistItem.id, item.id));
    if (item.actionId) await followItem(tx, actor, item.actionId, { ...item, doneAt });
    await writeAudit(tx, actor, {
      event: "update",
      recordType: "visit",
      recordId: visitId,
      before: { checklist: [{ id: item.id, doneAt: item.doneAt }] },
      after: { checklist: [{ id: item.id, doneAt }] },
    });
    return { version: row.version, doneAt };
  });
}

/**
 * Makes a programme item the record of a held meeting: the meeting takes the item's title, time,
 * zone, place and attendees (with the titles they hold in the delegation), and the item links to
 * it. Both in one transaction, against the visit's version.
 */
export async function programmeItemToMeeting(db: Db, actor: Actor, visitId: number, p: { itemId: number; version: number }) {
  return await inTransaction(db, async (tx) => {
    const item = (await tx.select().from(programmeItem).where(and(eq(programmeItem.id, p.itemId), eq(programmeItem.visitId, visitId))).limit(1))[0];
    if (!item) throw new NotFoundError("programme item", p.itemId);
    if (item.meetingId) throw new UserError("conflict", "This programme item is already a meeting.", { details: { meetingId: item.meetingId } });
    if (!item.startsAt) throw invalid("startDate", "scheduleFirst");
    const main = (await tx.select({ id: visitPartner.partnerId }).from(visitPartner).where(eq(visitPartner.visitId, visitId)).orderBy(asc(visitPartner.position)).limit(1))[0];
    const row = await updateVersioned(tx, visit, "visit", visitId, p.version, {});
    const members = new Map((await tx.select().from(visitMember).where(eq(visitMember.visitId, visitId))).map((m) => [m.personId, m]));
    const attendees = await tx.select({ personId: programmeAttendee.personId }).from(programmeAttendee).where(eq(programmeAttendee.itemId, item.id));
    const created = await insertMeeting(
      tx,
      actor,
      parseInput(createMeetingSchema, {
        partnerId: main!.id,
        title: item.title,
        kind: "meeting",
        status: "held",
        startsAt: item.startsAt.toISOString(),
        timeZone: item.timeZone,
        durationMinutes: item.endsAt ? Math.round((item.endsAt.getTime() - item.startsAt.getTime()) / 60_000) : undefined,
        venue: item.place,
        notes: item.notes,
        participants: attendees.map(({ personId }) => {
          const m = members.get(personId);
          return { personId, role: m?.role === "head" ? "lead" : m?.role === "interpreter" ? "interpreter" : "attendee", titleAtTime: m?.titleAtTime };
        }),
      }),
    );
    await tx.update(programmeItem).set({ meetingId: created.id }).where(eq(programmeItem.id, item.id));
    await writeAudit(tx, actor, { event: "update", recordType: "visit", recordId: visitId, before: { programme: [{ id: item.id, meetingId: null }] }, after: { programme: [{ id: item.id, meetingId: created.id }] } });
    return { meetingId: created.id, version: row.version };
  });
}

/**
 * Records a planned gift as given at one of the visit's held meetings: the gift register gets the
 * entry (given, with the planned item, description, recipient and value) and the planned gift
 * links to it, so it is that entry from then on. All in one transaction, against the visit's version.
 */
export async function recordPlannedGift(db: Db, actor: Actor, visitId: number, p: { plannedGiftId: number; meetingId: number; version: number }) {
  return await inTransaction(db, async (tx) => {
    const planned = (await tx.select().from(plannedGift).where(and(eq(plannedGift.id, p.plannedGiftId), eq(plannedGift.visitId, visitId))).limit(1))[0];
    if (!planned) throw new NotFoundError("planned gift", p.plannedGiftId);
    if (planned.giftId) throw new UserError("conflict", "This gift is already in the register.", { details: { giftId: planned.giftId } });
    const held = (await tx
      .select({ id: meeting.id })
      .from(programmeItem)
      .innerJoin(meeting, eq(meeting.id, programmeItem.meetingId))
      .where(and(eq(programmeItem.visitId, visitId), eq(programmeItem.meetingId, p.meetingId), eq(meeting.status, "held"), isNull(meeting.archivedAt)))
      .limit(1))[0];
    if (!held) throw invalid("meetingId", "chooseHeldMeeting");
    const row = await updateVersioned(tx, visit, "visit", visitId, p.version, {});
    const entry = await insertGift(
      tx,
      actor,
      parseInput(createGiftSchema, {
        meetingId: held.id,
        direction: "given",
        item: planned.item,
        description: planned.description,
        toPersonId: planned.toPersonId,
        estimatedValue: planned.estimatedValue,
        currency: planned.currency,
      }),
    );
    await tx.update(plannedGift).set({ giftId: entry.id }).where(eq(plannedGift.id, planned.id));
    await writeAudit(tx, actor, { event: "update", recordType: "visit", recordId: visitId, before: { gifts: [{ id: planned.id, giftId: null }] }, after: { gifts: [{ id: planned.id, giftId: entry.id }] } });
    return { giftId: entry.id, version: row.version };
  });
}
