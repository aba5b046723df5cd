import { and, asc, count, desc, eq, isNull, or, type SQL } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { action, gift, meeting, participant, partner, person, type Person } from "../schema";
import { matchesSearch, reindexAround, reindexRecords, unindexRecord } from "../search";
import { NotFoundError, UserError } from "@/lib/errors";
import { parseInput, messageKey } from "@/lib/validation/common";
import { createPersonSchema, updatePersonSchema, type CreatePerson } from "@/lib/validation/people";
import type { PersonListParams } from "@/lib/validation/lists";
import { clearOmitted, pageSize } from "./common";
import { cursorPage } from "./paging";
import { inTransaction, one } from "../tx";
import { currentRow, setArchived, updateVersioned } from "./versioned";
import type { PeoplePage } from "@/lib/types/lists";

export async function indexPerson(tx: Tx, p: Person) {
  await reindexRecords(tx, "person", [p.id]);
}

async function assertPartnerRef(tx: Tx, partnerId: number | undefined) {
  if (partnerId && !(await tx.select({ id: partner.id }).from(partner).where(eq(partner.id, partnerId)).limit(1))[0])
    throw new UserError("validation_failed", "Unknown partner.", { fields: { partnerId: [messageKey("unknownPartner")] } });
}

export async function createPerson(db: Db, actor: Actor, input: unknown): Promise<Person> {
  const v = parseInput(createPersonSchema, input);
  return await inTransaction(db, async (tx) => insertPerson(tx, actor, v));
}

/** The insert of createPerson inside a caller's transaction (the CSV import commits many at once). */
export async function insertPerson(tx: Tx, actor: Actor, v: CreatePerson): Promise<Person> {
  await assertPartnerRef(tx, v.partnerId);
  const row = await one(tx.insert(person).values(v).returning());
  await indexPerson(tx, row);
  await writeAudit(tx, actor, { event: "create", recordType: "person", recordId: row.id, after: row });
  return row;
}

export async function updatePerson(db: Db, actor: Actor, id: number, input: unknown): Promise<Person> {
  const { version, ...v } = parseInput(updatePersonSchema, input);
  return await inTransaction(db, async (tx) => {
    await assertPartnerRef(tx, v.partnerId);
    const before = await currentRow(tx, person, "person", id);
    const row = await updateVersioned(tx, person, "person", id, version, clearOmitted(v, ["nameLocal", "title", "organisation", "partnerId", "email", "phone", "notes"]));
    await indexPerson(tx, row);
    // Their names are in the entries of their meetings, follow-ups and gifts.
    if (before.nameEn !== row.nameEn || before.nameLocal !== row.nameLocal) await reindexAround(tx, { personId: id });
    await writeAudit(tx, actor, { event: "update", recordType: "person", recordId: id, ...diff(before, row) });
    return row;
  });
}

export async function setPersonArchived(db: Db, actor: Actor, id: number, archived: boolean): Promise<Person> {
  return await setArchived(db, actor, person, "person", id, archived);
}

/** Hard delete, refused while a meeting, gift or action refers to the person. */
export async function deletePerson(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await currentRow(tx, person, "person", id);
    const refs = {
      meetings: (await tx.select({ n: count() }).from(participant).where(eq(participant.personId, id)).limit(1))[0]!.n,
      gifts: (await tx.select({ n: count() }).from(gift).where(or(eq(gift.fromPersonId, id), eq(gift.toPersonId, id))).limit(1))[0]!.n,
      actions: (await tx.select({ n: count() }).from(action).where(eq(action.ownerPersonId, id)).limit(1))[0]!.n,
    };
    const used = Object.entries(refs).filter(([, n]) => n > 0);
    if (used.length)
      throw new UserError(
        "referenced",
        `This person cannot be deleted: ${used.map(([k, n]) => `${n} ${k}`).join(", ")} refer to them. Archive them instead.`,
        { details: refs },
      );
    await tx.delete(person).where(eq(person.id, id));
    await unindexRecord(tx, "person", id);
    await writeAudit(tx, actor, { event: "delete", recordType: "person", recordId: id, before });
  });
}

export async function getPerson(db: Db, id: number): Promise<Person> {
  const row = (await db.select().from(person).where(eq(person.id, id)).limit(1))[0];
  if (!row) throw new NotFoundError("Person", id);
  return row;
}

export function personWhere(f: Partial<PersonListParams>): SQL | undefined {
  return and(
    f.archived ? undefined : isNull(person.archivedAt),
    f.partner ? eq(person.partnerId, f.partner) : undefined,
    f.side ? eq(person.side, f.side) : undefined,
    f.q ? matchesSearch("person", person.id, f.q) : undefined,
  );
}

/** The /people screen: filters, sort and page from the URL. */
export async function listPeople(
  db: Db,
  f: Partial<PersonListParams> & { size?: number; partnerId?: number; includeArchived?: boolean } = {},
): Promise<PeoplePage> {
  const size = pageSize(f.size, 50);
  const page = Math.max(1, Math.floor(f.page ?? 1));
  // partnerId/includeArchived: the names this function took before the list filters existed.
  const where = personWhere({ ...f, partner: f.partner ?? f.partnerId, archived: f.archived || f.includeArchived });
  const order = f.sort === "recent" ? [desc(person.id)] : [asc(person.nameEn), asc(person.id)];
  const rows = await db
    .select({
      id: person.id,
      nameEn: person.nameEn,
      nameLocal: person.nameLocal,
      title: person.title,
      organisation: person.organisation,
      side: person.side,
      partnerId: person.partnerId,
      partnerSlug: partner.slug,
      partnerNameEn: partner.nameEn,
      partnerNameKo: partner.nameKo,
      partnerCountry: partner.country,
      archivedAt: person.archivedAt,
    })
    .from(person)
    .leftJoin(partner, eq(partner.id, person.partnerId))
    .where(where)
    .orderBy(...order)
    .limit(size)
    .offset((page - 1) * size);
  const total = (await db.select({ n: count() }).from(person).where(where).limit(1))[0]!.n;
  return { rows, total, page, size };
}

export async function personCursorPage(db: Db, f: Partial<PersonListParams> & { limit?: number; cursor?: string }) {
  return cursorPage(person.id, personWhere(f), f, async (where, order, limit) =>
    await db.select().from(person).where(where).orderBy(order).limit(limit),
  );
}

/** People for pickers: not archived, in name order. */
export async function personOptions(db: Db) {
  return await db
    .select({ id: person.id, nameEn: person.nameEn, nameLocal: person.nameLocal, partnerId: person.partnerId })
    .from(person)
    .where(isNull(person.archivedAt))
    .orderBy(asc(person.nameEn), asc(person.id));
}

/** A person's meetings, newest first, with the title they held at each. */
export async function personMeetings(db: Db, personId: number) {
  return await db
    .select({
      meetingId: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      status: meeting.status,
      role: participant.role,
      titleAtTime: participant.titleAtTime,
      partnerSlug: partner.slug,
      partnerNameEn: partner.nameEn,
      partnerNameKo: partner.nameKo,
    })
    .from(participant)
    .innerJoin(meeting, eq(meeting.id, participant.meetingId))
    .innerJoin(partner, eq(partner.id, meeting.partnerId))
    .where(and(eq(participant.personId, personId), isNull(meeting.archivedAt)))
    .orderBy(desc(meeting.startsAt), desc(meeting.id));
}

/** Whether anything refers to the person (then delete is refused and not offered). */
export async function personIsReferenced(db: Db, id: number): Promise<boolean> {
  return (
    !!(await db.select({ id: participant.id }).from(participant).where(eq(participant.personId, id)).limit(1))[0] ||
    !!(await db.select({ id: gift.id }).from(gift).where(or(eq(gift.fromPersonId, id), eq(gift.toPersonId, id))).limit(1))[0] ||
    !!(await db.select({ id: action.id }).from(action).where(eq(action.ownerPersonId, id)).limit(1))[0]
  );
}
