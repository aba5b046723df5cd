import { and, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Actor } from "../audit";
import type { Db, Tx } from "../client";
import { action, follow, gift, meeting, milestone, notification, notificationPreference, partner, person, user } from "../schema";
import { unfinishedAction } from "./action-rules";
import { giftDeclarationRule } from "./exchange-rates";
import { getHomeRegion } from "./settings";
import { getNotificationSettings } from "./notification-settings";
import { type FollowableType, type NotificationKind } from "@/lib/notifications/kinds";
import { addDays, agreementStage, dueStage, giftStage, type NotificationSettings } from "@/lib/notifications/rules";
import { todayIn, utcToZonedParts } from "@/lib/format";
import { affected, inTransaction, isSqlite } from "../tx";

// Every notification rule is applied here, once. Record changes arrive from writeAudit (inside the
// change's own transaction); date rules run in the scheduler's pass. The unique `key` makes each
// rule fire once per stage, across restarts and concurrent runners.

type Plain = Record<string, unknown>;
type NewNotice = typeof notification.$inferInsert;


/** Rows per insert statement: 10 values each, well under SQLite's and PostgreSQL's variable limits. */
const INSERT_CHUNK = 250;

function prepareInsert(tx: Tx, size: number) {
  const p = (name: string, i: number) => sql.placeholder(`${name}${i}`);
  const values = Array.from({ length: size }, (_, i) => ({
    userId: p("userId", i), kind: p("kind", i), recordType: p("recordType", i), recordId: p("recordId", i), stage: p("stage", i),
    key: p("key", i), subject: p("subject", i), href: p("href", i), detail: p("detail", i), createdAt: p("createdAt", i),
  }));
  return tx.insert(notification).values(values).onConflictDoNothing({ target: notification.key }).prepare();
}

/** Inserts notices, skipping any whose key exists; returns how many were new. */
export async function insertNotices(tx: Tx, rows: NewNotice[]): Promise<number> {
  if (!rows.length) return 0;
  // Prepared multi-row statements, one per chunk size: a statement per row (or SQL built afresh
  // per row) was most of a large catch-up pass.
  const now = new Date();
  let made = 0;
  if (!isSqlite(tx)) {
    // PostgreSQL: a multi-row insert per chunk, counting the rows it really added.
    for (let at = 0; at < rows.length; at += INSERT_CHUNK) {
      const chunk = rows.slice(at, at + INSERT_CHUNK).map((r) => ({ ...r, detail: r.detail ?? null, createdAt: r.createdAt ?? now }));
      made += (await tx.insert(notification).values(chunk).onConflictDoNothing({ target: notification.key }).returning({ id: notification.id })).length;
    }
    return made;
  }
  const full = rows.length >= INSERT_CHUNK ? prepareInsert(tx, INSERT_CHUNK) : null;
  for (let at = 0; at < rows.length; at += INSERT_CHUNK) {
    const chunk = rows.slice(at, at + INSERT_CHUNK);
    const params: Record<string, unknown> = {};
    chunk.forEach((r, i) => {
      params[`userId${i}`] = r.userId;
      params[`kind${i}`] = r.kind;
      params[`recordType${i}`] = r.recordType;
      params[`recordId${i}`] = r.recordId;
      params[`stage${i}`] = r.stage;
      params[`key${i}`] = r.key;
      params[`subject${i}`] = r.subject;
      params[`href${i}`] = r.href;
      params[`detail${i}`] = r.detail ?? null;
      params[`createdAt${i}`] = r.createdAt ?? now;
    });
    const stmt = chunk.length === INSERT_CHUNK && full ? full : prepareInsert(tx, chunk.length);
    made += stmt.run(params).changes;
  }
  return made;
}

interface RecordInfo {
  type: FollowableType;
  id: number;
  subject: string;
  href: string;
}

async function actionInfo(tx: Tx, id: number): Promise<RecordInfo | null> {
  const r = (await tx
    .select({ title: action.title, slug: partner.slug })
    .from(action)
    .innerJoin(partner, eq(partner.id, action.partnerId))
    .where(eq(action.id, id)).limit(1))[0];
  return r ? { type: "action", id, subject: r.title, href: `/partners/${r.slug}#actions` } : null;
}

async function recordInfo(tx: Tx, type: FollowableType, id: number): Promise<RecordInfo | null> {
  if (type === "action") return actionInfo(tx, id);
  if (type === "meeting") {
    const r = (await tx.select({ title: meeting.title }).from(meeting).where(eq(meeting.id, id)).limit(1))[0];
    return r ? { type, id, subject: r.title, href: `/meetings/${id}` } : null;
  }
  const r = (await tx.select({ name: partner.nameEn, slug: partner.slug }).from(partner).where(eq(partner.id, id)).limit(1))[0];
  return r ? { type, id, subject: r.name, href: `/partners/${r.slug}` } : null;
}

/** The followable record a change belongs to: gifts belong to their meeting, milestones to their partner. */
function followedRecord(recordType: string, recordId: number, row: Plain): { type: FollowableType; id: number } | null {
  if (recordType === "action" || recordType === "meeting" || recordType === "partner") return { type: recordType, id: recordId };
  if (recordType === "gift" && typeof row.meetingId === "number") return { type: "meeting", id: row.meetingId };
  if (recordType === "milestone" && typeof row.partnerId === "number") return { type: "partner", id: row.partnerId };
  return null;
}

/** Follows by default (owners and creators); an explicit unfollow row is left as it is. */
export async function followByDefault(tx: Tx, userId: string, type: FollowableType, id: number): Promise<void> {
  await tx.insert(follow).values({ userId, recordType: type, recordId: id }).onConflictDoNothing();
}

/** The account a follow-up's owner is: the user, or the person's linked account. */
async function ownerAccount(tx: Tx, ownerUserId: unknown, ownerPersonId: unknown): Promise<string | null> {
  if (typeof ownerUserId === "string") return ownerUserId;
  if (typeof ownerPersonId !== "number") return null;
  return (await tx.select({ userId: person.userId }).from(person).where(eq(person.id, ownerPersonId)).limit(1))[0]?.userId ?? null;
}

const CHANGE_EVENTS = new Set(["create", "update", "archive", "restore", "move", "comment", "delete"]);

/**
 * The rules on a change: "a follow-up is assigned to you", default follows, and "a record you
 * follow changes or is commented on". Called by writeAudit in the change's transaction.
 */
export async function notifyRecordChange(
  tx: Tx,
  actor: Actor,
  auditId: number,
  e: { event: string; recordType: string; recordId?: string | number | null; before?: Plain | null; after?: Plain | null },
): Promise<void> {
  const id = Number(e.recordId);
  if (!CHANGE_EVENTS.has(e.event) || !Number.isInteger(id)) return;
  const row = { ...(e.before ?? {}), ...(e.after ?? {}) };
  const target = followedRecord(e.recordType, id, row);
  if (!target) return;
  const info = await recordInfo(tx, target.type, target.id);
  if (!info) return;
  if (e.event === "create" && actor.userId && e.recordType === target.type) await followByDefault(tx, actor.userId, target.type, target.id);

  let assignee: string | null = null;
  if (e.recordType === "action" && e.after && ("ownerUserId" in e.after || "ownerPersonId" in e.after)) {
    const current = (await tx.select({ u: action.ownerUserId, p: action.ownerPersonId }).from(action).where(eq(action.id, id)).limit(1))[0];
    assignee = current ? (await ownerAccount(tx, current.u, current.p)) : null;
    if (assignee) {
      await followByDefault(tx, assignee, "action", id);
      if (assignee !== actor.userId)
        await insertNotices(tx, [notice(assignee, "assigned", info, `${auditId}`, `assigned:action:${id}:${assignee}:${auditId}`, actor.label)]);
    }
  }
  // A record's own creation is not news to its followers; a child's creation (a gift, a milestone) is.
  if (e.event === "create" && e.recordType === target.type) return;
  const kind: NotificationKind = e.event === "comment" ? "record_commented" : "record_changed";
  const followers = (await tx
    .select({ userId: follow.userId })
    .from(follow)
    .innerJoin(user, eq(user.id, follow.userId))
    .where(and(eq(follow.recordType, target.type), eq(follow.recordId, target.id), eq(follow.active, true), or(isNull(user.banned), eq(user.banned, false)))))
    .map((f) => f.userId)
    .filter((u) => u !== actor.userId && u !== assignee);
  await insertNotices(
    tx,
    followers.map((u) => notice(u, kind, info, e.event, `${kind}:${auditId}:${u}`, actor.label)),
  );
}

function notice(userId: string, kind: NotificationKind, info: RecordInfo, stage: string, key: string, detail: string | null): NewNotice {
  return { userId, kind, recordType: info.type, recordId: info.id, stage, key, subject: info.subject, href: info.href, detail };
}

/** Each active user's zone: the one their browser last reported, else the home region's. */
async function userZones(db: Db): Promise<Map<string, string>> {
  const home = (await getHomeRegion(db)).timeZone;
  const rows = await db
    .select({ id: user.id, zone: notificationPreference.timeZone })
    .from(user)
    .leftJoin(notificationPreference, eq(notificationPreference.userId, user.id))
    .where(or(isNull(user.banned), eq(user.banned, false)));
  return new Map(rows.map((r) => [r.id, r.zone ?? home]));
}

/**
 * "A received gift at or above the declaration threshold is still undeclared": its administrators,
 * the meeting's followers and the account of the person it was given to, once per stage (declare,
 * hand over soon, past the hand-over limit). The threshold is the declaration rule's (exchange-rates.ts), nowhere else.
 */
async function giftNotices(db: Db, now: Date, settings: NotificationSettings, zones: Map<string, string>, todayOf: (zone: string) => string): Promise<NewNotice[]> {
  const open = and(eq(gift.direction, "received"), isNull(gift.declaredOn), isNull(gift.archivedAt), isNotNull(gift.estimatedValue));
  const gifts = await db
    .select({
      id: gift.id,
      item: gift.item,
      direction: gift.direction,
      estimatedValue: gift.estimatedValue,
      currency: gift.currency,
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      toUser: person.userId,
    })
    .from(gift)
    .innerJoin(meeting, eq(meeting.id, gift.meetingId))
    .leftJoin(person, eq(person.id, gift.toPersonId))
    .where(and(open, isNull(meeting.archivedAt), lte(meeting.startsAt, now)));
  if (!gifts.length) return [];
  const admins = (await db.select({ id: user.id }).from(user).where(eq(user.role, "admin"))).map((u) => u.id);
  const followers = await db
    .select({ userId: follow.userId, meetingId: follow.recordId })
    .from(follow)
    .where(and(eq(follow.recordType, "meeting"), eq(follow.active, true), inArray(follow.recordId, db.select({ id: gift.meetingId }).from(gift).where(open))));
  const byMeeting = new Map<number, string[]>();
  for (const f of followers) {
    const list = byMeeting.get(f.meetingId);
    if (list) list.push(f.userId);
    else byMeeting.set(f.meetingId, [f.userId]);
  }
  const rows: NewNotice[] = [];
  const declaration = await giftDeclarationRule(db);
  for (const g of gifts) {
    const receivedOn = utcToZonedParts(g.startsAt, g.timeZone).date;
    if (declaration({ ...g, onDate: receivedOn }).status !== "declare") continue;
    const info = { type: "meeting" as const, id: g.meetingId, subject: `${g.item} (${g.meetingTitle})`, href: `/meetings/${g.meetingId}#gifts` };
    for (const u of new Set([...admins, ...(byMeeting.get(g.meetingId) ?? []), ...(g.toUser ? [g.toUser] : [])])) {
      const zone = zones.get(u);
      const at = zone ? giftStage(receivedOn, todayOf(zone), settings.giftHandoverDays, settings.giftSoonDays) : null;
      if (at) rows.push(notice(u, "gift_undeclared", info, at.stage, `gift:${g.id}:${u}:${at.stage}:${receivedOn}`, at.handoverBy));
    }
  }
  return rows;
}

/** The date rules: follow-ups due soon, today or overdue, agreements nearing expiry, gifts to declare. */
export async function applyDateRules(db: Db, now = new Date()): Promise<{ created: number; dueItems: number }> {
  const settings = await getNotificationSettings(db);
  const zones = await userZones(db);
  if (zones.size === 0) return { created: 0, dueItems: 0 };
  // The furthest "today" of any zone is at most a day after UTC's.
  const horizon = addDays(todayIn("UTC", now), 1 + Math.max(settings.dueSoonDays, ...settings.agreementDays));
  const soonHorizon = addDays(todayIn("UTC", now), 1 + settings.dueSoonDays);
  const linked = await db.select({ id: person.id, userId: person.userId }).from(person).where(isNotNull(person.userId));
  const personUser = new Map(linked.map((p) => [p.id, p.userId!]));
  const actions = await db
    .select({ id: action.id, title: action.title, dueOn: action.dueOn, u: action.ownerUserId, p: action.ownerPersonId, slug: partner.slug })
    .from(action)
    .innerJoin(partner, eq(partner.id, action.partnerId))
    .where(
      and(
        unfinishedAction(),
        lte(action.dueOn, soonHorizon),
        or(isNotNull(action.ownerUserId), linked.length ? inArray(action.ownerPersonId, [...personUser.keys()]) : sql`1 = 0`),
      ),
    );
  const rows: NewNotice[] = [];
  const todayOf = memoToday(now);
  // Thousands of follow-ups share a due date: each date's stage is worked out once per zone.
  const stages = new Map<string, ReturnType<typeof dueStage>>();
  for (const a of actions) {
    const owner = a.u ?? (a.p != null ? personUser.get(a.p) : undefined);
    const zone = owner ? zones.get(owner) : undefined;
    if (!owner || !zone || !a.dueOn) continue;
    const at = `${zone} ${a.dueOn}`;
    let stage = stages.get(at);
    if (stage === undefined) stages.set(at, (stage = dueStage(a.dueOn, todayOf(zone), settings.dueSoonDays)));
    if (!stage) continue;
    const info = { type: "action" as const, id: a.id, subject: a.title, href: `/partners/${a.slug}#actions` };
    rows.push(notice(owner, stage, info, stage, `${stage}:action:${a.id}:${owner}:${a.dueOn}`, a.dueOn));
  }
  const agreements = await db
    .select({ id: milestone.id, title: milestone.title, expiresOn: milestone.expiresOn, partnerId: partner.id, name: partner.nameEn, slug: partner.slug })
    .from(milestone)
    .innerJoin(partner, eq(partner.id, milestone.partnerId))
    .where(and(isNull(milestone.archivedAt), inArray(milestone.kind, ["agreement", "mou"]), lte(milestone.expiresOn, horizon)));
  if (agreements.length) {
    const admins = (await db.select({ id: user.id }).from(user).where(eq(user.role, "admin"))).map((u) => u.id);
    const followers = await db
      .select({ userId: follow.userId, partnerId: follow.recordId })
      .from(follow)
      .where(and(eq(follow.recordType, "partner"), eq(follow.active, true), inArray(follow.recordId, [...new Set(agreements.map((m) => m.partnerId))])));
    for (const m of agreements) {
      const recipients = new Set([...admins, ...followers.filter((f) => f.partnerId === m.partnerId).map((f) => f.userId)]);
      for (const u of recipients) {
        const zone = zones.get(u);
        if (!zone || !m.expiresOn) continue;
        const stage = agreementStage(m.expiresOn, todayOf(zone), settings.agreementDays);
        if (stage === null) continue;
        const info = { type: "partner" as const, id: m.partnerId, subject: `${m.name}: ${m.title}`, href: `/partners/${m.slug}` };
        rows.push(notice(u, "agreement_expiring", info, `${stage}d`, `agreement:${m.id}:${u}:${stage}:${m.expiresOn}`, m.expiresOn));
      }
    }
  }
  rows.push(...await giftNotices(db, now, settings, zones, todayOf));
  const created = await inTransaction(db, async (tx) => insertNotices(tx, rows));
  return { created, dueItems: rows.length };
}

function memoToday(now: Date): (zone: string) => string {
  const cache = new Map<string, string>();
  return (zone) => {
    let d = cache.get(zone);
    if (!d) cache.set(zone, (d = todayIn(zone, now)));
    return d;
  };
}

// ---------------------------------------------------------------- the centre

export interface NoticeRow {
  id: number;
  kind: string;
  stage: string;
  recordType: string;
  recordId: number;
  subject: string;
  detail: string | null;
  href: string;
  createdAt: Date;
  readAt: Date | null;
}

/** A notice as the bell and the mail queue read it. */
export const NOTICE_COLUMNS = {
  id: notification.id,
  kind: notification.kind,
  stage: notification.stage,
  recordType: notification.recordType,
  recordId: notification.recordId,
  subject: notification.subject,
  detail: notification.detail,
  href: notification.href,
  createdAt: notification.createdAt,
  readAt: notification.readAt,
};

/** A user's notices, newest first; `before` is the id of the last one already shown. */
export async function listNotifications(db: Db, p: { userId: string; limit: number; before?: number; unread?: boolean }): Promise<NoticeRow[]> {
  return await db
    .select(NOTICE_COLUMNS)
    .from(notification)
    .where(
      and(
        eq(notification.userId, p.userId),
        p.before ? lt(notification.id, p.before) : undefined,
        p.unread ? isNull(notification.readAt) : undefined,
      ),
    )
    .orderBy(desc(notification.id))
    .limit(p.limit);
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  return db.$count(notification, and(eq(notification.userId, userId), isNull(notification.readAt)));
}

/** Marks the user's own notices read (the given ids, or all); returns how many changed. */
export async function markRead(db: Db, p: { userId: string; ids: number[] | "all"; now?: Date }): Promise<number> {
  if (p.ids !== "all" && p.ids.length === 0) return 0;
  return affected(await db
    .update(notification)
    .set({ readAt: p.now ?? new Date() })
    .where(
      and(eq(notification.userId, p.userId), isNull(notification.readAt), p.ids === "all" ? undefined : inArray(notification.id, p.ids)),
    ));
}
