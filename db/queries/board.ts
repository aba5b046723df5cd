import { aliasedTable, and, asc, count, desc, eq, gt, gte, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { action, actionComment, auditEvent, checklistItem, meeting, milestone, partner, person, user, visit } from "../schema";
import { partnerLane, partnerLaneColumns } from "./columns";
import { lastHeldMeeting } from "./live-indexes";
import { notOverdueCounts, partnerCounts } from "./partner-counts";
import { NotFoundError } from "@/lib/errors";
import { BOARD_COLUMNS, dueRange, type BoardFilters } from "@/lib/board/filters";
import type { ActionStatus } from "@/lib/domain";
import { overdueAction } from "./action-rules";
import { epochMs } from "../dialect";
import { memoAggregate } from "../memo";
import type { ActionDetail, BoardCard, BoardColumn, BoardData, BoardLane, PartnerTile } from "@/lib/types/board";

/**
 * Cards sent per column on first paint (more than a tall screen holds); "Show more" and scrolling
 * load the rest, twice as many at a time. Every card sent is rendered on the server, so the first
 * paint costs what it shows, not a page of cards below the fold.
 */
export const COLUMN_PAGE = 12;
/** Swimlanes shown at most (owners can be many on a large database). */
export const MAX_LANES = 30;


const ownerUser = aliasedTable(user, "owner_user");

const cardColumns = {
  id: action.id,
  version: action.version,
  title: action.title,
  status: action.status,
  priority: action.priority,
  side: action.side,
  dueOn: action.dueOn,
  completedAt: action.completedAt,
  position: action.position,
  partnerSlug: partner.slug,
  partnerNameEn: partner.nameEn,
  partnerNameKo: partner.nameKo,
  ownerPerson: person.nameEn,
  ownerUser: ownerUser.name,
  meetingId: action.meetingId,
  meetingTitle: meeting.title,
  visitId: visit.id,
  visitTitle: visit.title,
};

type CardRow = {
  [K in keyof typeof cardColumns]: unknown;
} & { completedAt: Date | null; status: string; ownerPerson: string | null; ownerUser: string | null };

function toCard(r: CardRow): BoardCard {
  const { ownerPerson, ownerUser: ou, completedAt, ...rest } = r;
  return {
    ...(rest as Omit<BoardCard, "ownerName" | "completedAt">),
    status: r.status as ActionStatus,
    ownerName: ownerPerson ?? ou ?? null,
    completedAt: completedAt ? completedAt.toISOString() : null,
  };
}

/** The where-clause of the filters (not the status); null when the filter matches nothing. */
async function filterWhere(tx: Tx, f: BoardFilters, today: string): Promise<SQL[] | null> {
  const w: SQL[] = [isNull(action.archivedAt)];
  if (f.partner) {
    const p = (await tx.select({ id: partner.id }).from(partner).where(eq(partner.slug, f.partner)).limit(1))[0];
    if (!p) return null;
    w.push(eq(action.partnerId, p.id));
  }
  if (f.owner) w.push(ownerWhere(f.owner));
  if (f.priority) w.push(eq(action.priority, f.priority));
  if (f.side) w.push(eq(action.side, f.side));
  if (f.due) {
    const r = dueRange(f.due, today);
    if (r.before) w.push(overdueAction(r.before));
    if (r.from) w.push(gte(action.dueOn, r.from));
    if (r.to) w.push(lte(action.dueOn, r.to));
  }
  return w;
}

function ownerWhere(owner: string): SQL {
  return owner.startsWith("p") ? eq(action.ownerPersonId, Number(owner.slice(1))) : eq(action.ownerUserId, owner.slice(1));
}

async function cardQuery(tx: Tx, where: SQL | undefined, limit: number): Promise<BoardCard[]> {
  return (await tx
    .select(cardColumns)
    .from(action)
    .innerJoin(partner, eq(partner.id, action.partnerId))
    .leftJoin(person, eq(person.id, action.ownerPersonId))
    .leftJoin(ownerUser, eq(ownerUser.id, action.ownerUserId))
    .leftJoin(meeting, eq(meeting.id, action.meetingId))
    .leftJoin(checklistItem, eq(checklistItem.actionId, action.id))
    .leftJoin(visit, eq(visit.id, checklistItem.visitId))
    .where(where)
    .orderBy(asc(action.position), asc(action.id))
    .limit(limit))
    .map((r) => toCard(r as CardRow));
}

/** Live cards per column for the where-clause, kept until a write (db/memo.ts): a count over every matching card. */
async function statusCounts(tx: Tx, w: SQL[]): Promise<{ status: string; n: number }[]> {
  const q = tx.select({ status: action.status, n: count() }).from(action).where(and(...w)).groupBy(action.status);
  const { sql: text, params } = q.toSQL();
  return memoAggregate(tx, `board:counts:${text}:${JSON.stringify(params)}`, async () => await q);
}

async function columnsFor(tx: Tx, w: SQL[], limit: number): Promise<BoardColumn[]> {
  const counts = new Map((await statusCounts(tx, w)).map((r) => [r.status, r.n]));
  return Promise.all(BOARD_COLUMNS.map(async (status) => {
    const n = counts.get(status) ?? 0;
    return { status, count: n, cards: n ? (await cardQuery(tx, and(...w, eq(action.status, status)), limit)) : [] };
  }));

}

/** The board: per lane and column the first `limit` cards in order plus the column's count. */
export async function getBoard(db: Db, f: BoardFilters, today: string, limit = COLUMN_PAGE): Promise<BoardData> {
  const empty = Object.fromEntries(BOARD_COLUMNS.map((s) => [s, 0])) as Record<ActionStatus, number>;
  const w = await filterWhere(db, f, today);
  if (!w) return { today, lanes: [], totals: empty, lanesTruncated: false };
  let lanes: BoardLane[];
  let lanesTruncated = false;
  if (f.group === "partner") {
    const keys = await db
      .selectDistinct({ id: partner.id, slug: partner.slug, en: partner.nameEn, ko: partner.nameKo })
      .from(action)
      .innerJoin(partner, eq(partner.id, action.partnerId))
      .where(and(...w))
      .orderBy(asc(partner.nameEn))
      .limit(MAX_LANES + 1);
    lanesTruncated = keys.length > MAX_LANES;
    lanes = await Promise.all(keys.slice(0, MAX_LANES).map(async (k) => ({
      key: `partner:${k.slug}`,
      label: k.en,
      labelKo: k.ko,
      columns: await columnsFor(db, [...w, eq(action.partnerId, k.id)], limit),
    })));
  } else if (f.group === "owner") {
    const keys = await db
      .selectDistinct({ personId: action.ownerPersonId, userId: action.ownerUserId, pn: person.nameEn, un: ownerUser.name })
      .from(action)
      .leftJoin(person, eq(person.id, action.ownerPersonId))
      .leftJoin(ownerUser, eq(ownerUser.id, action.ownerUserId))
      .where(and(...w))
      .orderBy(asc(sql`coalesce(${person.nameEn}, ${ownerUser.name}, '')`))
      .limit(MAX_LANES + 1);
    lanesTruncated = keys.length > MAX_LANES;
    lanes = await Promise.all(keys.slice(0, MAX_LANES).map(async (k) => {
      const key = k.personId ? `p${k.personId}` : k.userId ? `u${k.userId}` : "";
      const where = key ? ownerWhere(key) : and(isNull(action.ownerPersonId), isNull(action.ownerUserId))!;
      return { key: `owner:${key}`, label: k.pn ?? k.un ?? "", labelKo: k.pn ?? k.un ?? "", columns: await columnsFor(db, [...w, where], limit) };
    }));
  } else {
    lanes = [{ key: "", label: "", labelKo: "", columns: await columnsFor(db, w, limit) }];
  }
  const totals = { ...empty };
  if (lanesTruncated || lanes.length !== 1) {
    for (const r of await statusCounts(db, w))
      totals[r.status as ActionStatus] = r.n;
  } else for (const c of lanes[0]!.columns) totals[c.status] = c.count;
  return { today, lanes, totals, lanesTruncated };
}

/** The next cards of one column after the last one shown (keyset on position, id). */
export async function getColumnPage(
  db: Db,
  p: { filters: BoardFilters; today: string; status: ActionStatus; lane?: string; after: { position: number; id: number }; limit?: number },
): Promise<BoardCard[]> {
  const w = await filterWhere(db, p.filters, p.today);
  if (!w) return [];
  if (p.lane?.startsWith("partner:")) {
    const row = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, p.lane.slice(8))).limit(1))[0];
    if (!row) return [];
    w.push(eq(action.partnerId, row.id));
  } else if (p.lane?.startsWith("owner:")) {
    const key = p.lane.slice(6);
    w.push(key ? ownerWhere(key) : and(isNull(action.ownerPersonId), isNull(action.ownerUserId))!);
  }
  const after = or(gt(action.position, p.after.position), and(eq(action.position, p.after.position), gt(action.id, p.after.id)));
  return cardQuery(db, and(...w, eq(action.status, p.status), after), Math.min(p.limit ?? COLUMN_PAGE * 2, 200));
}

/** One action with what the side panel shows: its fields, comments and history. */
export async function getActionDetail(db: Db, id: number): Promise<ActionDetail> {
  const a = (await db
    .select({
      id: action.id,
      version: action.version,
      partnerId: action.partnerId,
      partnerSlug: partner.slug,
      partnerNameEn: partner.nameEn,
      partnerNameKo: partner.nameKo,
      meetingId: action.meetingId,
      meetingTitle: meeting.title,
      title: action.title,
      description: action.description,
      side: action.side,
      ownerPersonId: action.ownerPersonId,
      ownerUserId: action.ownerUserId,
      dueOn: action.dueOn,
      status: action.status,
      priority: action.priority,
      completedAt: action.completedAt,
      updatedAt: action.updatedAt,
    })
    .from(action)
    .innerJoin(partner, eq(partner.id, action.partnerId))
    .leftJoin(meeting, eq(meeting.id, action.meetingId))
    .where(eq(action.id, id)).limit(1))[0];
  if (!a) throw new NotFoundError("action", id);
  const comments = await db
    .select({ id: actionComment.id, body: actionComment.body, createdAt: actionComment.createdAt, author: user.name, authorEmail: user.email })
    .from(actionComment)
    .leftJoin(user, eq(user.id, actionComment.authorUserId))
    .where(eq(actionComment.actionId, id))
    .orderBy(asc(actionComment.createdAt), asc(actionComment.id));
  const history = await db
    .select({ id: auditEvent.id, at: auditEvent.at, actor: auditEvent.actorLabel, event: auditEvent.event, before: auditEvent.before, after: auditEvent.after })
    .from(auditEvent)
    .where(and(eq(auditEvent.recordType, "action"), eq(auditEvent.recordId, String(id))))
    .orderBy(desc(auditEvent.id))
    .limit(100);
  return {
    action: { ...a, completedAt: a.completedAt?.toISOString() ?? null, updatedAt: a.updatedAt.toISOString() },
    comments: comments.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    history: history.map((h) => ({
      id: h.id,
      at: h.at.toISOString(),
      actor: h.actor,
      event: h.event,
      before: (h.before ?? null) as Record<string, unknown> | null,
      after: (h.after ?? null) as Record<string, unknown> | null,
    })),
  };
}

/** Owners for the filter: people who own an action (an indexed EXISTS, fast on large boards) and the app's users. */
export async function boardOwnerOptions(db: Db): Promise<{ value: string; label: string }[]> {
  const people = await db
    .select({ id: person.id, name: person.nameEn })
    .from(person)
    .where(sql`exists (select 1 from ${action} where ${action.ownerPersonId} = ${person.id})`)
    .orderBy(asc(person.nameEn));
  const users = await db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(or(isNull(user.banned), eq(user.banned, false)))
    .orderBy(asc(user.name));
  return [...people.map((p) => ({ value: `p${p.id}`, label: p.name })), ...users.map((u) => ({ value: `u${u.id}`, label: u.name }))];
}

/** People who can own an action of a partner: our staff and that partner's officials. */
export async function ownerChoices(db: Db, partnerId: number) {
  return await db
    .select({ id: person.id, name: person.nameEn, side: person.side })
    .from(person)
    .where(or(eq(person.side, "home"), eq(person.partnerId, partnerId)))
    .orderBy(asc(person.side), asc(person.nameEn))
    .limit(500);
}


const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** One tile per partner, those needing attention (overdue work, an agreement about to lapse) first. */
export async function partnerOverview(db: Db, today: string): Promise<PartnerTile[]> {
  // The open and not-yet-overdue counts are kept per partner until a write (partner-counts.ts);
  // the last held meeting is one backward step of the partner's live index entries.
  const rows = await db
    .select({ ...partnerLaneColumns, level: partner.level, last: epochMs(lastHeldMeeting()) })
    .from(partner)
    .where(isNull(partner.archivedAt));
  const [counts, notOverdue] = [await partnerCounts(db), await notOverdueCounts(db, today)];
  // The soonest expiry not long past: a lapsed agreement (up to a year ago) still needs attention.
  const expiries = await db
    .select({ partnerId: milestone.partnerId, on: milestone.expiresOn, title: milestone.title })
    .from(milestone)
    .where(and(isNotNull(milestone.expiresOn), isNull(milestone.archivedAt), gte(milestone.expiresOn, addDays(today, -365))))
    .orderBy(asc(milestone.expiresOn));
  const soonLimit = addDays(today, 90);
  const tiles = rows.map((r): PartnerTile => {
    const e = expiries.find((x) => x.partnerId === r.id && x.on! >= today) ?? expiries.find((x) => x.partnerId === r.id) ?? null;
    const expirySoon = !!e && e.on! <= soonLimit;
    const open = counts.get(r.id)?.open ?? 0;
    const overdue = open - (notOverdue.get(r.id) ?? 0);
    return {
      ...partnerLane(r),
      level: r.level,
      lastContactAt: r.last == null ? null : new Date(r.last).toISOString(),
      openCount: open,
      overdueCount: overdue,
      nextExpiry: e ? { on: e.on!, title: e.title } : null,
      expirySoon,
      needsAttention: overdue > 0 || expirySoon,
    };
  });
  const score = (t: PartnerTile) => (t.overdueCount > 0 ? 2 : 0) + (t.expirySoon ? 2 : 0);
  return tiles.sort(
    (a, b) =>
      score(b) - score(a) ||
      b.overdueCount - a.overdueCount ||
      (a.lastContactAt ?? "").localeCompare(b.lastContactAt ?? "") ||
      a.nameEn.localeCompare(b.nameEn),
  );
}

