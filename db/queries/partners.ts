import { and, asc, count, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { action, meeting, milestone, partner, person, type Partner } from "../schema";
import { matchesSearch, reindexAround, reindexRecords, unindexRecord } from "../search";
import { NotFoundError, UserError } from "@/lib/errors";
import { parseInput, messageKey } from "@/lib/validation/common";
import { createPartnerSchema, updatePartnerSchema, type CreatePartner } from "@/lib/validation/partners";
import type { PartnerListParams } from "@/lib/validation/lists";
import { lastHeldMeeting } from "./live-indexes";
import { partnerCounts } from "./partner-counts";
import { clearOmitted, pageSize } from "./common";
import { cursorPage } from "./paging";
import { inTransaction, one } from "../tx";
import { epochMs } from "../dialect";
import { currentRow, setArchived, updateVersioned } from "./versioned";
import type { PartnerListItem, PartnerPage } from "@/lib/types/lists";


const partnerColumns = {
  id: partner.id,
  slug: partner.slug,
  nameEn: partner.nameEn,
  nameKo: partner.nameKo,
  nameLocal: partner.nameLocal,
  country: partner.country,
  kind: partner.kind,
  level: partner.level,
  status: partner.status,
  sinceDate: partner.sinceDate,
  sincePrecision: partner.sincePrecision,
  archivedAt: partner.archivedAt,
};

async function partnerListQuery(db: Db, where: SQL | undefined, order: SQL[], limit?: number, offset?: number): Promise<PartnerListItem[]> {
  // The counts are kept per partner until a write (partner-counts.ts); the last held meeting is
  // one backward step of the partner's live index entries.
  const q = db
    .select({ ...partnerColumns, lastContact: epochMs(lastHeldMeeting()) })
    .from(partner)
    .where(where)
    .orderBy(...order)
    .limit(limit ?? -1)
    .offset(offset ?? 0);
  const [rows, counts] = [await q, await partnerCounts(db)];
  return rows.map(({ lastContact, ...r }) => ({
    ...r,
    sincePrecision: r.sincePrecision as PartnerListItem["sincePrecision"],
    meetingCount: counts.get(r.id)?.meetings ?? 0,
    openActionCount: counts.get(r.id)?.open ?? 0,
    lastContactAt: lastContact == null ? null : new Date(lastContact),
  }));
}

export function partnerWhere(f: Partial<PartnerListParams>): SQL | undefined {
  return and(
    f.archived ? undefined : isNull(partner.archivedAt),
    f.status ? eq(partner.status, f.status) : undefined,
    f.level ? eq(partner.level, f.level) : undefined,
    f.kind ? eq(partner.kind, f.kind) : undefined,
    f.country ? eq(partner.country, f.country) : undefined,
    f.q ? matchesSearch("partner", partner.id, f.q) : undefined,
  );
}

export async function listPartners(
  db: Db,
  p: { includeArchived?: boolean; q?: string; status?: string } = {},
): Promise<PartnerListItem[]> {
  return partnerListQuery(
    db,
    partnerWhere({ archived: p.includeArchived, q: p.q, status: p.status as PartnerListParams["status"] }),
    [asc(partner.sinceDate), asc(partner.nameEn)],
  );
}

/** The /partners screen: filters, sort and page from the URL. */
export async function listPartnerPage(db: Db, f: Partial<PartnerListParams> & { size?: number }): Promise<PartnerPage> {
  const size = pageSize(f.size, 25);
  const page = Math.max(1, Math.floor(f.page ?? 1));
  const where = partnerWhere(f);
  const order =
    f.sort === "name"
      ? [asc(partner.nameEn), asc(partner.id)]
      : f.sort === "recent"
        ? [sql`${lastHeldMeeting()} desc nulls last`, asc(partner.id)]
        : [asc(partner.sinceDate), asc(partner.nameEn), asc(partner.id)];
  const rows = await partnerListQuery(db, where, order, size, (page - 1) * size);
  const total = (await db.select({ n: count() }).from(partner).where(where).limit(1))[0]!.n;
  return { rows, total, page, size };
}

/** The API's list: the same filters, keyset pages. */
export async function partnerCursorPage(db: Db, f: Partial<PartnerListParams> & { limit?: number; cursor?: string }) {
  return cursorPage(partner.id, partnerWhere(f), f, async (where, order, limit) =>
    await db.select().from(partner).where(where).orderBy(order).limit(limit),
  );
}

export async function getPartnerBySlug(db: Db, slug: string): Promise<Partner> {
  const row = (await db.select().from(partner).where(eq(partner.slug, slug)).limit(1))[0];
  if (!row) throw new NotFoundError("Partner", slug);
  return row;
}

export async function getPartner(db: Db, id: number): Promise<Partner> {
  const row = (await db.select().from(partner).where(eq(partner.id, id)).limit(1))[0];
  if (!row) throw new NotFoundError("Partner", id);
  return row;
}

/** Partners for pickers: not archived, in name order. */
export async function partnerOptions(db: Db) {
  return await db
    .select({ id: partner.id, slug: partner.slug, nameEn: partner.nameEn, nameKo: partner.nameKo, timeZone: partner.timeZone })
    .from(partner)
    .where(isNull(partner.archivedAt))
    .orderBy(asc(partner.nameEn));
}

export async function indexPartner(tx: Tx, row: Partner) {
  await reindexRecords(tx, "partner", [row.id]);
}

export async function createPartner(db: Db, actor: Actor, input: unknown): Promise<Partner> {
  const v = parseInput(createPartnerSchema, input);
  return await inTransaction(db, async (tx) => insertPartner(tx, actor, v));
}

/** The insert of createPartner inside a caller's transaction (the CSV import commits many at once). */
export async function insertPartner(tx: Tx, actor: Actor, v: CreatePartner): Promise<Partner> {
  if ((await tx.select({ id: partner.id }).from(partner).where(eq(partner.slug, v.slug)).limit(1))[0])
    throw new UserError("validation_failed", "A partner with this short name already exists.", {
      fields: { slug: [messageKey("slugTaken")] },
    });
  const row = await one(tx.insert(partner).values(v).returning());
  await indexPartner(tx, row);
  await writeAudit(tx, actor, { event: "create", recordType: "partner", recordId: row.id, after: row });
  return row;
}

export async function updatePartner(db: Db, actor: Actor, id: number, input: unknown): Promise<Partner> {
  const { version, ...v } = parseInput(updatePartnerSchema, input);
  return await inTransaction(db, async (tx) => {
    const before = await currentRow(tx, partner, "partner", id);
    const clash = (await tx.select({ id: partner.id }).from(partner).where(eq(partner.slug, v.slug)).limit(1))[0];
    if (clash && clash.id !== id)
      throw new UserError("validation_failed", "A partner with this short name already exists.", {
        fields: { slug: [messageKey("slugTaken")] },
      });
    const row = await updateVersioned(tx, partner, "partner", id, version, clearOmitted(v, ["nameLocal", "summary", "latitude", "longitude"]));
    await indexPartner(tx, row);
    // Its names are in its people's, meetings', follow-ups' and gifts' entries (rare, and in one transaction).
    if (before.nameEn !== row.nameEn || before.nameKo !== row.nameKo || before.nameLocal !== row.nameLocal) await reindexAround(tx, { partnerId: id });
    await writeAudit(tx, actor, { event: "update", recordType: "partner", recordId: id, ...diff(before, row) });
    return row;
  });
}

export async function setPartnerArchived(db: Db, actor: Actor, id: number, archived: boolean): Promise<Partner> {
  return await setArchived(db, actor, partner, "partner", id, archived);
}

/** Hard delete, refused while meetings, people, milestones or actions refer to the partner. */
export async function deletePartner(db: Db, actor: Actor, id: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const before = await currentRow(tx, partner, "partner", id);
    const refs = {
      meetings: (await tx.select({ n: count() }).from(meeting).where(eq(meeting.partnerId, id)).limit(1))[0]!.n,
      people: (await tx.select({ n: count() }).from(person).where(eq(person.partnerId, id)).limit(1))[0]!.n,
      milestones: (await tx.select({ n: count() }).from(milestone).where(eq(milestone.partnerId, id)).limit(1))[0]!.n,
      actions: (await tx.select({ n: count() }).from(action).where(eq(action.partnerId, id)).limit(1))[0]!.n,
    };
    const used = Object.entries(refs).filter(([, n]) => n > 0);
    if (used.length)
      throw new UserError(
        "referenced",
        `This partner cannot be deleted: ${used.map(([k, n]) => `${n} ${k}`).join(", ")} refer to it. Archive it instead.`,
        { details: refs },
      );
    await tx.delete(partner).where(eq(partner.id, id));
    await unindexRecord(tx, "partner", id);
    await writeAudit(tx, actor, { event: "delete", recordType: "partner", recordId: id, before });
  });
}

export async function partnerMilestones(db: Db, partnerId: number) {
  return await db
    .select()
    .from(milestone)
    .where(and(eq(milestone.partnerId, partnerId), isNull(milestone.archivedAt)))
    .orderBy(asc(milestone.date));
}

export async function partnerPeople(db: Db, partnerId: number) {
  return await db
    .select()
    .from(person)
    .where(and(eq(person.partnerId, partnerId), isNull(person.archivedAt)))
    .orderBy(asc(person.nameEn));
}

export async function lastContact(db: Db, partnerId: number): Promise<Date | null> {
  const row = (await db
    .select({ at: meeting.startsAt })
    .from(meeting)
    .where(and(eq(meeting.partnerId, partnerId), eq(meeting.status, "held"), isNull(meeting.archivedAt)))
    .orderBy(desc(meeting.startsAt))
    .limit(1))[0];
  return row?.at ?? null;
}

/** Deletes a partner only when nothing refers to it; the UI offers it for a mistaken, unused record. */
export async function partnerIsReferenced(db: Db, id: number): Promise<boolean> {
  const one = async (t: typeof meeting | typeof person | typeof milestone | typeof action) =>
    !!(await db.select({ id: t.id }).from(t).where(eq(t.partnerId, id)).limit(1))[0];
  return (await one(meeting)) || (await one(person)) || (await one(milestone)) || (await one(action));
}
