import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { action, gift, meeting, participant, partner, person, user, type Meeting } from "../schema";
import { giftColumns } from "./columns";
import { giftsOfPartner } from "./gifts";
import { matchesSearch, reindexRecords, unindexRecord } from "../search";
import { NotFoundError, UserError } from "@/lib/errors";
import { dayPeriodUtc } from "@/lib/format";
import { parseInput, messageKey } from "@/lib/validation/common";
import { createMeetingSchema, updateMeetingSchema, type CreateMeeting } from "@/lib/validation/meetings";
import type { MEETING_SORTS } from "@/lib/validation/lists";
import { nextPositionAtBottom } from "./actions";
import { clearOmitted, pageSize } from "./common";
import { indexPerson } from "./people";
import { inTransaction, rawAll, rawGet, one } from "../tx";
import { ON_PG } from "../dialect";
import { currentRow, setArchived, updateVersioned } from "./versioned";
import type { MeetingPersonOption } from "@/lib/types/lists";
import { countsOfPartner } from "./partner-counts";
import { keptCount } from "../memo";

/** After participants, gifts and actions are saved: the meeting's entry names them all. */
export async function indexMeeting(tx: Tx, id: number) {
  await reindexRecords(tx, "meeting", [id]);
  await reindexRecords(tx, "gift", (await tx.select({ id: gift.id }).from(gift).where(eq(gift.meetingId, id))).map((g) => g.id));
}

async function assertPartner(tx: Tx, partnerId: number) {
  const p = (await tx.select({ id: partner.id, archivedAt: partner.archivedAt }).from(partner).where(eq(partner.id, partnerId)).limit(1))[0];
  if (!p) throw new UserError("validation_failed", "Unknown partner.", { fields: { partnerId: [messageKey("unknownPartner")] } });
  return p;
}

/** Resolves the form's participants to person ids, creating new people inline. */
async function saveParticipants(tx: Tx, actor: Actor, meetingId: number, partnerId: number, v: CreateMeeting): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, p] of v.participants.entries()) {
    let personId = p.personId;
    if (personId) {
      if (!(await tx.select({ id: person.id }).from(person).where(eq(person.id, personId)).limit(1))[0])
        throw new UserError("validation_failed", "Unknown person.", { fields: { [`participants.${i}.personId`]: [messageKey("unknownPerson")] } });
    } else {
      const np = p.newPerson!;
      const row = await one(tx
        .insert(person)
        .values({ ...np, partnerId: np.side === "partner" ? partnerId : null })
        .returning());
      await indexPerson(tx, row);
      await writeAudit(tx, actor, { event: "create", recordType: "person", recordId: row.id, after: row });
      personId = row.id;
    }
    if (ids.includes(personId))
      throw new UserError("validation_failed", "The same person is listed twice.", {
        fields: { [`participants.${i}.personId`]: [messageKey("listedTwice")] },
      });
    ids.push(personId);
    await tx.insert(participant).values({ meetingId, personId, role: p.role, titleAtTime: p.titleAtTime ?? null });
  }
  return ids;
}

/** A person id from the form must exist: a 4xx on the field, never a foreign-key 500. */
async function assertPerson(tx: Tx, personId: number | undefined, path: string) {
  if (personId === undefined) return;
  if (!(await tx.select({ id: person.id }).from(person).where(eq(person.id, personId)).limit(1))[0])
    throw new UserError("validation_failed", "Unknown person.", { fields: { [path]: [messageKey("unknownPerson")] } });
}

/**
 * Makes the meeting's gifts what the payload lists: a gift with an id is changed in place (it
 * keeps its id, archive state and history), one without is added, and the rest are removed.
 */
async function saveGifts(tx: Tx, actor: Actor, meetingId: number, v: CreateMeeting, personIds: number[]) {
  const existing = new Map((await tx.select().from(gift).where(eq(gift.meetingId, meetingId))).map((g) => [g.id, g]));
  const kept = new Set<number>();
  for (const [i, g] of v.gifts.entries()) {
    await assertPerson(tx, g.fromPersonId, `gifts.${i}.fromPersonId`);
    await assertPerson(tx, g.toPersonId, `gifts.${i}.toPersonId`);
    const { id, fromParticipantIndex, toParticipantIndex, ...rest } = g;
    const values = {
      ...clearOmitted(rest, ["description", "origin", "estimatedValue", "currency", "declaredOn", "disposition"]),
      meetingId,
      fromPersonId: g.fromPersonId ?? (fromParticipantIndex !== undefined ? personIds[fromParticipantIndex] : null) ?? null,
      toPersonId: g.toPersonId ?? (toParticipantIndex !== undefined ? personIds[toParticipantIndex] : null) ?? null,
    };
    if (id === undefined) {
      const row = await one(tx.insert(gift).values(values).returning());
      await writeAudit(tx, actor, { event: "create", recordType: "gift", recordId: row.id, after: row });
      continue;
    }
    const before = existing.get(id);
    if (!before || kept.has(id))
      throw new UserError("validation_failed", "Not a gift of this meeting.", { fields: { [`gifts.${i}.id`]: [messageKey("unknownGift")] } });
    kept.add(id);
    if (Object.keys(diff(before, { ...before, ...values }).after).length === 0) continue;
    const row = await one(tx.update(gift).set({ ...values, version: sql`${gift.version} + 1` }).where(eq(gift.id, id)).returning());
    await writeAudit(tx, actor, { event: "update", recordType: "gift", recordId: id, ...diff(before, row) });
  }
  for (const g of existing.values())
    if (!kept.has(g.id)) {
      await tx.delete(gift).where(eq(gift.id, g.id));
      await unindexRecord(tx, "gift", g.id);
      await writeAudit(tx, actor, { event: "delete", recordType: "gift", recordId: g.id, before: g });
    }
}

async function saveActions(tx: Tx, actor: Actor, meetingId: number, partnerId: number, v: CreateMeeting, personIds: number[]) {
  for (const [i, a] of v.actions.entries()) {
    if (a.id !== undefined) continue;
    await assertPerson(tx, a.ownerPersonId, `actions.${i}.ownerPersonId`);
    if (a.ownerUserId && !(await tx.select({ id: user.id }).from(user).where(eq(user.id, a.ownerUserId)).limit(1))[0])
      throw new UserError("validation_failed", "Unknown user.", { fields: { [`actions.${i}.ownerUserId`]: [messageKey("unknownUser")] } });
    const { ownerParticipantIndex, id: _id, ...rest } = a;
    const row = await one(tx
      .insert(action)
      .values({
        ...rest,
        partnerId,
        meetingId,
        ownerPersonId: a.ownerPersonId ?? (ownerParticipantIndex !== undefined ? personIds[ownerParticipantIndex] : null),
        status: "open",
        position: await nextPositionAtBottom(tx, "open"),
      })
      .returning());
    await reindexRecords(tx, "action", [row.id]);
    await writeAudit(tx, actor, { event: "create", recordType: "action", recordId: row.id, after: row });
  }
}

/** Saves a meeting with its participants, gifts and follow-up actions in one transaction. */
export async function createMeeting(db: Db, actor: Actor, input: unknown): Promise<Meeting> {
  const v = parseInput(createMeetingSchema, input);
  return await inTransaction(db, async (tx) => insertMeeting(tx, actor, v));
}

/** The inserts of createMeeting inside a caller's transaction (the CSV import commits many at once). */
export async function insertMeeting(tx: Tx, actor: Actor, v: CreateMeeting): Promise<Meeting> {
  await assertPartner(tx, v.partnerId);
  const { participants: _p, gifts: _g, actions: _a, ...fields } = v;
  const row = await one(tx.insert(meeting).values(fields).returning());
  await writeAudit(tx, actor, { event: "create", recordType: "meeting", recordId: row.id, after: row });
  const personIds = await saveParticipants(tx, actor, row.id, v.partnerId, v);
  await saveGifts(tx, actor, row.id, v, personIds);
  await saveActions(tx, actor, row.id, v.partnerId, v, personIds);
  await indexMeeting(tx, row.id);
  return row;
}

/**
 * Updates a meeting against its version. Participants and gifts are replaced by what the form
 * sends; actions in the payload are added (existing actions live on the board).
 */
export async function updateMeeting(db: Db, actor: Actor, id: number, input: unknown): Promise<Meeting> {
  const { version, ...v } = parseInput(updateMeetingSchema, input);
  return await inTransaction(db, async (tx) => {
    await assertPartner(tx, v.partnerId);
    const before = await currentRow(tx, meeting, "meeting", id);
    const { participants: _p, gifts: _g, actions: _a, ...fields } = v;
    const row = await updateVersioned(tx, meeting, "meeting", id, version, {
      ...clearOmitted(fields, ["durationMinutes", "venue", "city", "attendeeCount", "topics", "summary", "outcomes", "notes"]),
    });
    const beforeParticipants = await tx.select().from(participant).where(eq(participant.meetingId, id));
    const beforeGifts = await tx.select().from(gift).where(eq(gift.meetingId, id));
    await tx.delete(participant).where(eq(participant.meetingId, id));
    const personIds = await saveParticipants(tx, actor, id, v.partnerId, v);
    await saveGifts(tx, actor, id, v, personIds);
    await saveActions(tx, actor, id, v.partnerId, v, personIds);
    await indexMeeting(tx, id);
    // Its existing follow-ups name the partner, which may have changed.
    if (before.partnerId !== row.partnerId) await reindexRecords(tx, "action", (await tx.select({ id: action.id }).from(action).where(eq(action.meetingId, id))).map((a) => a.id));
    // Lists by name, so the history reads "added Tang Liangzhi (Lead)" without a lookup.
    const names = new Map(
      (await tx
        .select({ id: person.id, name: person.nameEn })
        .from(person)
        .where(inArray(person.id, [...new Set([...beforeParticipants.map((p) => p.personId), ...personIds])])))
        .map((p) => [p.id, p.name]),
    );
    const who = (personId: number, role: string, title: string | null) => ({ personId, person: names.get(personId) ?? null, role, title });
    const giftLine = (g: typeof gift.$inferSelect) => ({ item: g.item, direction: g.direction, disposition: g.disposition });
    const d = diff(
      { ...before, participants: beforeParticipants.map((p) => who(p.personId, p.role, p.titleAtTime)), gifts: beforeGifts.map(giftLine), followUps: [] },
      {
        ...row,
        participants: personIds.map((pid, i) => who(pid, v.participants[i]!.role, v.participants[i]!.titleAtTime ?? null)),
        gifts: (await tx.select().from(gift).where(eq(gift.meetingId, id))).map(giftLine),
        followUps: v.actions.map((a) => ({ title: a.title })),
      },
    );
    await writeAudit(tx, actor, { event: "update", recordType: "meeting", recordId: id, ...d });
    return row;
  });
}

export async function setMeetingArchived(db: Db, actor: Actor, id: number, archived: boolean): Promise<Meeting> {
  return await setArchived(db, actor, meeting, "meeting", id, archived);
}

export async function getMeeting(db: Db, id: number) {
  const m = db.query.meeting.findFirst({
    where: eq(meeting.id, id),
    with: {
      partner: { columns: { id: true, slug: true, nameEn: true, nameKo: true, nameLocal: true, timeZone: true } },
      participants: { with: { person: true }, orderBy: asc(participant.id) },
      gifts: { with: { fromPerson: true, toPerson: true }, orderBy: asc(gift.id) },
      actions: { with: { ownerPerson: true }, orderBy: asc(action.id) },
    },
  });
  const row = await m;
  if (!row) throw new NotFoundError("Meeting", id);
  return row;
}
export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;

export interface MeetingFilters {
  q?: string;
  partnerId?: number;
  kind?: string;
  status?: string;
  /** Starts at or after this instant. */
  from?: Date;
  /** Starts before this instant. */
  to?: Date;
  includeArchived?: boolean;
}

/**
 * The list's parameters as the list page and the API take them, as filters. `from` and `to` are
 * calendar days (YYYY-MM-DD), both included, read in `zone`: a meeting is in the period when it
 * starts between the start of `from` and the end of `to` there. The list page reads them in the
 * viewer's zone; the API, whose callers have no browser zone, in the home region's, as the exports do.
 */
export function meetingFilters(
  p: { q?: string; partnerId?: number; kind?: string; status?: string; from?: string; to?: string; archived?: boolean },
  zone: string,
): MeetingFilters {
  const { fromAt, toAt } = dayPeriodUtc(p.from, p.to, zone);
  return { q: p.q, partnerId: p.partnerId, kind: p.kind, status: p.status, from: fromAt, to: toAt, includeArchived: p.archived };
}

/** The meeting filter of the list page, the partner page and the API. */
export function meetingWhere(f: MeetingFilters): SQL | undefined {
  return and(
    f.includeArchived ? undefined : isNull(meeting.archivedAt),
    f.partnerId ? eq(meeting.partnerId, f.partnerId) : undefined,
    f.kind ? eq(meeting.kind, f.kind) : undefined,
    f.status ? eq(meeting.status, f.status) : undefined,
    f.from ? gte(meeting.startsAt, f.from) : undefined,
    f.to ? lt(meeting.startsAt, f.to) : undefined,
    f.q ? matchesSearch("meeting", meeting.id, f.q) : undefined,
  );
}

export type MeetingSort = (typeof MEETING_SORTS)[number];
/** listMeetings' filters (instants, the partner by id), sort and page. */
export type ListMeetingsOptions = MeetingFilters & { sort?: MeetingSort; page?: number; size?: number };

function listOrder(f: ListMeetingsOptions) {
  return f.sort === "starts_asc"
    ? [asc(meeting.startsAt), asc(meeting.id)]
    : f.sort === "title"
      ? [asc(meeting.title), asc(meeting.id)]
      : [desc(meeting.startsAt), desc(meeting.id)];
}

/** The list's rows whose ids `ids` selects, in the list's order. */
function listRows(db: Db, f: ListMeetingsOptions, ids: SQL) {
  return db
    .select({
      id: meeting.id,
      title: meeting.title,
      kind: meeting.kind,
      status: meeting.status,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      venue: meeting.venue,
      city: meeting.city,
      attendeeCount: meeting.attendeeCount,
      partnerId: meeting.partnerId,
      partnerSlug: partner.slug,
      partnerNameEn: partner.nameEn,
      partnerNameKo: partner.nameKo,
      archivedAt: meeting.archivedAt,
    })
    .from(meeting)
    .innerJoin(partner, eq(partner.id, meeting.partnerId))
    .where(ids)
    .orderBy(...listOrder(f));
}

function listMeetingsQuery(db: Db, f: ListMeetingsOptions, size: number, page: number) {
  // The page's ids first, off meeting_live_starts_idx alone: a deep page skips index entries,
  // not joined rows (page 3,000 of 100k meetings: 440 ms read whole, a few ms this way).
  return listRows(db, f, inArray(meeting.id, db.select({ id: meeting.id }).from(meeting).where(meetingWhere(f)).orderBy(...listOrder(f)).limit(size).offset((page - 1) * size)));
}

export async function listMeetings(db: Db, f: ListMeetingsOptions = {}) {
  const size = pageSize(f.size, 25);
  const page = Math.max(1, Math.floor(f.page ?? 1));
  if (f.q) return searchMeetings(db, f, size, page);
  const rows = await listMeetingsQuery(db, f, size, page);
  // A short first page is its own total. Otherwise count from an index that holds every column
  // the filters name, so SQLite never looks up rows (see countHint).
  const total = page === 1 && rows.length < size ? rows.length : await countMeetings(db, f);
  return { rows, total, page, size };
}

async function countMeetings(db: Db, f: ListMeetingsOptions): Promise<number> {
  // One partner's live meetings (a partner page): as kept per partner until a write.
  if (f.partnerId !== undefined && !f.q && !f.kind && !f.status && !f.from && !f.to && !f.includeArchived) return (await countsOfPartner(db, f.partnerId)).meetings;
  const where = meetingWhere(f) ?? sql`1 = 1`;
  const { page: _p, sort: _s, size: _z, ...filters } = f;
  return await keptCount(db, "meetings", filters, async () =>
    Number((await rawGet<{ n: number }>(db, sql`select count(*) as n from ${meeting} ${countHint(f)} where ${where}`))!.n));
}

/**
 * A search's page. The matches' total is kept until a write (db/memo.ts), as a list's is. On
 * SQLite a search with many matches walks meeting_live_starts_id_idx in date order and stops at
 * the page, where sorting every match cost a temporary b-tree (1M meetings, 100,000 matches:
 * 137 ms sorted, 39 ms walked); with few matches sorting them is cheaper than walking past the
 * rest. Either way the matches are read once from the text index, so the cost follows the number
 * of matches, not the number of meetings.
 */
async function searchMeetings(db: Db, f: ListMeetingsOptions, size: number, page: number) {
  const total = await countMeetings(db, f);
  const offset = (page - 1) * size;
  if (offset >= total) return { rows: [], total, page, size };
  const walk = !ON_PG && total > WALK_FROM && !f.includeArchived && !f.partnerId && !f.kind && !f.status && f.sort !== "title";
  const hits = walk
    ? await rawAll<{ id: number }>(
        db,
        sql`select ${meeting.id} as id from ${meeting} indexed by meeting_live_starts_id_idx where ${meetingWhere(f)} order by ${sql.join(listOrder(f), sql`, `)} limit ${size} offset ${offset}`,
      )
    : await db.select({ id: meeting.id }).from(meeting).where(meetingWhere(f)).orderBy(...listOrder(f)).limit(size).offset(offset);
  const rows = hits.length ? await listRows(db, f, inArray(meeting.id, hits.map((h) => h.id))) : [];
  return { rows, total, page, size };
}

/** From how many matches a search walks the date index rather than sorting them (see above). */
export const WALK_FROM = 2000;

/**
 * SQLite's count plan. Live meetings: the planner's own choice is index-only for a partner or a
 * date range, but for a kind or status alone it walks meeting_live_starts_idx and looks up every
 * row (440 ms at 100k), so those read meeting_live_partner_starts_idx, which holds both columns
 * (20 ms). Archived ones included, or a search: one sequential pass, the search's rowid lookups
 * still apply (through an index, a row lookup each for archived_at is 10x slower).
 */
function countHint(f: MeetingFilters): SQL {
  if (ON_PG) return sql``;
  if (f.includeArchived || f.q) return sql`not indexed`;
  if ((f.kind || f.status) && !f.partnerId && !f.from && !f.to) return sql`indexed by meeting_live_partner_starts_idx`;
  // One partner's: the live index holds them all (see live-indexes.ts); the full one means a row lookup each.
  if (f.partnerId) return sql`indexed by meeting_live_partner_starts_idx`;
  return sql``;
}

/** SQLite's plan for the list query (for tests and the performance note). */
export function explainListMeetings(db: Db, f: ListMeetingsOptions = {}): string[] {
  const q = listMeetingsQuery(db, f, pageSize(f.size, 25), Math.max(1, Math.floor(f.page ?? 1))).toSQL();
  const rows = db.$client.prepare(`explain query plan ${q.sql}`).all(...(q.params)) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** People a meeting with this partner can list: our side and the partner's own, not archived. */
export async function meetingPeopleOptions(db: Db, partnerId: number | null): Promise<MeetingPersonOption[]> {
  return await db
    .select({ id: person.id, nameEn: person.nameEn, nameLocal: person.nameLocal, title: person.title, side: person.side, partnerId: person.partnerId })
    .from(person)
    .where(
      and(
        isNull(person.archivedAt),
        partnerId ? or(eq(person.side, "home"), eq(person.partnerId, partnerId)) : eq(person.side, "home"),
      ),
    )
    .orderBy(asc(person.side), asc(person.nameEn), asc(person.id));
}

export type MeetingListItem = Awaited<ReturnType<typeof listMeetings>>["rows"][number];

/** Gifts of a partner's meetings, newest first: the register that keeps gifts from repeating. */
export async function partnerGifts(db: Db, partnerId: number) {
  return await db
    .select({
      ...giftColumns,
      declaredOn: gift.declaredOn,
      disposition: gift.disposition,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
    })
    .from(gift)
    .crossJoin(meeting)
    .where(giftsOfPartner(partnerId, { archivedMeetings: true }))
    .orderBy(desc(meeting.startsAt), asc(gift.id));
}

export async function meetingsByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return await db.select().from(meeting).where(inArray(meeting.id, ids));
}
