import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../client";
import { notification, notificationPreference, user } from "../schema";
import { NOTICE_COLUMNS, type NoticeRow } from "./notifications";
import { isValidTimeZone, isLocale, type Locale } from "@/lib/format";
import type { MailPreference, NotificationKind } from "@/lib/notifications/kinds";
import { nextDigestAt } from "@/lib/notifications/rules";
import { inTransaction, affected } from "../tx";
import { isDistinct } from "../dialect";

export interface Preference {
  mail: MailPreference;
  mutedKinds: string[];
  timeZone: string | null;
}

const DEFAULT_PREFERENCE: Preference = { mail: "immediate", mutedKinds: [], timeZone: null };

/** A new account has no row: mail at once until its owner picks a digest or turns mail off. */
export async function getPreference(db: Db, userId: string): Promise<Preference> {
  const row = (await db
    .select({ mail: notificationPreference.mail, mutedKinds: notificationPreference.mutedKinds, timeZone: notificationPreference.timeZone })
    .from(notificationPreference)
    .where(eq(notificationPreference.userId, userId)).limit(1))[0];
  return row ? { mail: row.mail as MailPreference, mutedKinds: row.mutedKinds, timeZone: row.timeZone } : DEFAULT_PREFERENCE;
}

export async function setMailPreference(db: Db, p: { userId: string; mail: MailPreference; digestHour: number; now?: Date }): Promise<void> {
  const pref = await getPreference(db, p.userId);
  const next = nextDigestAt(p.mail, pref.timeZone ?? "UTC", p.now ?? new Date(), p.digestHour);
  // Choosing a preference again clears the one-click unsubscribes: the user decided anew.
  await db.insert(notificationPreference)
    .values({ userId: p.userId, mail: p.mail, nextDigestAt: next, mutedKinds: [] })
    .onConflictDoUpdate({ target: notificationPreference.userId, set: { mail: p.mail, nextDigestAt: next, mutedKinds: [], updatedAt: new Date() } });
}

/** One-click unsubscribe: mail of these kinds stops for this user; the centre still shows them. */
export async function muteKinds(db: Db, userId: string, kinds: NotificationKind[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    const exists = (await tx.select({ id: user.id }).from(user).where(eq(user.id, userId)).limit(1))[0];
    if (!exists) return;
    const row = (await tx.select({ muted: notificationPreference.mutedKinds }).from(notificationPreference).where(eq(notificationPreference.userId, userId)).limit(1))[0];
    const muted = [...new Set([...(row?.muted ?? []), ...kinds])];
    await tx.insert(notificationPreference)
      .values({ userId, mutedKinds: muted })
      .onConflictDoUpdate({ target: notificationPreference.userId, set: { mutedKinds: muted, updatedAt: new Date() } });
  });
}

/** Keeps the zone and language the user was last seen in, so dates and mail follow them. */
export async function recordUserContext(db: Db, p: { userId: string; timeZone: string | null; locale: Locale }): Promise<void> {
  const zone = p.timeZone && isValidTimeZone(p.timeZone) ? p.timeZone : null;
  const u = (await db.select({ locale: user.locale }).from(user).where(eq(user.id, p.userId)).limit(1))[0];
  if (u && u.locale !== p.locale) await db.update(user).set({ locale: p.locale }).where(eq(user.id, p.userId));
  if (!zone) return;
  await db.insert(notificationPreference)
    .values({ userId: p.userId, timeZone: zone })
    .onConflictDoUpdate({
      target: notificationPreference.userId,
      set: { timeZone: zone },
      setWhere: isDistinct(notificationPreference.timeZone, zone),
    });
}

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  mail: MailPreference;
  mutedKinds: string[];
  timeZone: string | null;
  nextDigestAt: Date | null;
}

/** Users with mail waiting (pending, and past any retry backoff unless retryNow). */
export async function recipientsWithMail(db: Db, now: Date, retryNow: boolean): Promise<Recipient[]> {
  const ready = retryNow ? undefined : or(isNull(notification.mailNextAttemptAt), lte(notification.mailNextAttemptAt, now));
  const ids = (await db
    .selectDistinct({ userId: notification.userId })
    .from(notification)
    .where(and(eq(notification.mailState, "pending"), ready)))
    .map((r) => r.userId);
  if (!ids.length) return [];
  return (await db
    .select({
      userId: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      banned: user.banned,
      mail: notificationPreference.mail,
      mutedKinds: notificationPreference.mutedKinds,
      timeZone: notificationPreference.timeZone,
      nextDigestAt: notificationPreference.nextDigestAt,
    })
    .from(user)
    .leftJoin(notificationPreference, eq(notificationPreference.userId, user.id))
    .where(inArray(user.id, ids)))
    .map((r) => ({
      userId: r.userId,
      email: r.email,
      name: r.name,
      locale: isLocale(r.locale) ? r.locale : "en",
      mail: r.banned ? "off" : ((r.mail ?? "immediate") as MailPreference),
      mutedKinds: r.mutedKinds ?? [],
      timeZone: r.timeZone,
      nextDigestAt: r.nextDigestAt,
    }));
}

export type QueuedNotice = NoticeRow & { mailAttempts: number };

export async function pendingFor(db: Db, userId: string, now: Date, retryNow: boolean): Promise<QueuedNotice[]> {
  const ready = retryNow ? undefined : or(isNull(notification.mailNextAttemptAt), lte(notification.mailNextAttemptAt, now));
  return await db
    .select({
      ...NOTICE_COLUMNS,
      mailAttempts: notification.mailAttempts,
    })
    .from(notification)
    .where(and(eq(notification.userId, userId), eq(notification.mailState, "pending"), ready))
    .orderBy(asc(notification.id));
}

/**
 * Ids per statement: a catch-up can hold more notices for one user than SQLite lets one statement
 * name (32,766 variables).
 */
const ID_CHUNK = 5000;

function chunks(ids: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) out.push(ids.slice(i, i + ID_CHUNK));
  return out;
}

/**
 * Claims a user's notices for one send: only rows still pending move, so no two senders mail the
 * same notice. The user and the id range narrow the index range to these rows, not everyone's.
 */
export async function claim(db: Db, userId: string, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  return inTransaction(db, async (tx) => {
    const claimed: number[] = [];
    for (const c of chunks(ids)) {
      const rows = await tx
        .update(notification)
        .set({ mailState: "sending" })
        .where(
          and(
            eq(notification.mailState, "pending"),
            eq(notification.userId, userId),
            gte(notification.id, Math.min(...c)),
            lte(notification.id, Math.max(...c)),
            inArray(notification.id, c),
          ),
        )
        .returning({ id: notification.id });
      for (const r of rows) claimed.push(r.id);
    }
    return claimed;
  });
}

export async function markSent(db: Db, ids: number[], now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    for (const c of chunks(ids))
      await tx.update(notification)
        .set({ mailState: "sent", mailSentAt: now, mailError: null, mailNextAttemptAt: null })
        .where(inArray(notification.id, c));
  });
}

export async function markSkipped(db: Db, ids: number[]): Promise<void> {
  await inTransaction(db, async (tx) => {
    for (const c of chunks(ids)) await tx.update(notification).set({ mailState: "skipped" }).where(and(inArray(notification.id, c), eq(notification.mailState, "pending")));
  });
}

/** Backoff after each failed attempt; after the last one the notice is failed for good. */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720] as const;

export async function markFailed(db: Db, ids: number[], error: string, now: Date): Promise<void> {
  if (!ids.length) return;
  await inTransaction(db, async (tx) => {
    for (const id of ids) {
      const r = (await tx.select({ attempts: notification.mailAttempts }).from(notification).where(eq(notification.id, id)).limit(1))[0];
      const attempts = (r?.attempts ?? 0) + 1;
      const delay = RETRY_DELAYS_MINUTES[attempts - 1];
      await tx.update(notification)
        .set({
          mailState: delay === undefined ? "failed" : "pending",
          mailAttempts: attempts,
          mailError: error.slice(0, 500),
          mailNextAttemptAt: delay === undefined ? null : new Date(now.getTime() + delay * 60_000),
        })
        .where(eq(notification.id, id));
    }
  });
}

/** A send a crashed runner left half-way: back to pending, to be sent with the same Message-ID. */
export async function releaseStuck(db: Db): Promise<number> {
  return affected(await db.update(notification).set({ mailState: "pending" }).where(eq(notification.mailState, "sending")));
}

export async function setNextDigest(db: Db, userId: string, at: Date | null): Promise<void> {
  await db.update(notificationPreference).set({ nextDigestAt: at }).where(eq(notificationPreference.userId, userId));
}

/** For the admin page: counts per mail state and the latest failures. */
export async function mailStatus(db: Db) {
  const counts = await db.select({ state: notification.mailState, n: count() }).from(notification).groupBy(notification.mailState);
  const problems = await db
    .select({
      id: notification.id,
      email: user.email,
      kind: notification.kind,
      subject: notification.subject,
      state: notification.mailState,
      attempts: notification.mailAttempts,
      nextAttemptAt: notification.mailNextAttemptAt,
      error: notification.mailError,
    })
    .from(notification)
    .innerJoin(user, eq(user.id, notification.userId))
    .where(and(isNotNull(notification.mailError), inArray(notification.mailState, ["pending", "failed"])))
    .orderBy(desc(notification.id))
    .limit(50);
  return { counts: Object.fromEntries(counts.map((c) => [c.state, c.n])) as Record<string, number>, problems };
}
