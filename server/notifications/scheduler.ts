import crypto from "node:crypto";
import { and, eq, lt, or } from "drizzle-orm";
import { createTransport as smtpTransport, type SendMailOptions } from "nodemailer";
import type { Db } from "@/db/client";
import { schedulerLease } from "@/db/schema";
import { affected } from "@/db/tx";
import { getNotificationSettings } from "@/db/queries/notification-settings";
import { applyDateRules } from "@/db/queries/notifications";
import {
  claim,
  markFailed,
  markSent,
  markSkipped,
  pendingFor,
  recipientsWithMail,
  releaseStuck,
  setNextDigest,
  type QueuedNotice,
  type Recipient,
} from "@/db/queries/mail-queue";
import { authBaseUrl } from "@/server/auth/secret";
import { composeMail } from "./compose";
import type { MailConfig } from "@/lib/notifications/mail-config";
import { nextDigestAt } from "@/lib/notifications/rules";

// One scheduler pass: the date rules, the mail that is due (at once, digests, retries). Exactly one
// runner at a time across processes: a lease row in the database, taken atomically, with an expiry
// so a crashed runner's lease lapses.

export const LEASE_NAME = "notifications";
const LEASE_MS = 5 * 60_000;

export type Transport = { sendMail: (m: SendMailOptions) => Promise<unknown>; close?: () => void };

export interface PassOptions {
  now?: Date;
  mail: MailConfig | null;
  transport?: Transport;
  retryNow?: boolean;
  /** Print what would be sent instead of sending; the caller rolls the database back. */
  dryRun?: boolean;
  holder?: string;
  log?: (line: string) => void;
}

export interface PassResult {
  ran: boolean;
  created: number;
  dueItems: number;
  mailsSent: number;
  noticesMailed: number;
  failedMails: number;
  skipped: number;
  mailOff: boolean;
  /** Set when the mail server could not be reached: the rest waits for the next pass. */
  mailServerDown: string | null;
  ms: number;
}

/** Takes the lease when it is free or lapsed (or already ours); one statement, so two runners cannot both win. */
export async function acquireLease(db: Db, holder: string, now: Date, ms = LEASE_MS): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ms);
  return (
    affected(await db
      .insert(schedulerLease)
      .values({ name: LEASE_NAME, holder, expiresAt })
      .onConflictDoUpdate({
        target: schedulerLease.name,
        set: { holder, expiresAt },
        setWhere: or(lt(schedulerLease.expiresAt, now), eq(schedulerLease.holder, holder)),
      })) > 0
  );
}

export async function releaseLease(db: Db, holder: string, result: PassResult, now: Date): Promise<void> {
  await db.update(schedulerLease)
    .set({ expiresAt: new Date(0), lastRunAt: now, lastResult: result })
    .where(and(eq(schedulerLease.name, LEASE_NAME), eq(schedulerLease.holder, holder)));
}

export async function lastPass(db: Db): Promise<{ lastRunAt: Date | null; lastResult: PassResult | null } | null> {
  const r = (await db.select().from(schedulerLease).where(eq(schedulerLease.name, LEASE_NAME)).limit(1))[0];
  return r ? { lastRunAt: r.lastRunAt, lastResult: r.lastResult as PassResult | null } : null;
}

export function createTransport(mail: MailConfig): Transport {
  // Short timeouts: an unreachable server should end a pass in seconds, not nodemailer's two minutes.
  const u = new URL(mail.url);
  return smtpTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : u.protocol === "smtps:" ? 465 : 587,
    secure: u.protocol === "smtps:",
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

const DOWN_CODES = new Set(["ECONNREFUSED", "ETIMEDOUT", "ECONNECTION", "EDNS", "ESOCKET", "EHOSTUNREACH", "ENOTFOUND", "EAUTH"]);

function errorText(e: unknown): { text: string; down: boolean } {
  const err = e as { code?: string; message?: string; responseCode?: number };
  const text = [err.code, err.responseCode, err.message].filter(Boolean).join(" ") || String(e);
  return { text, down: !!err.code && DOWN_CODES.has(err.code) };
}

/** Which of a user's waiting notices go out now, given their preference. */
function dueNow(r: Recipient, notices: QueuedNotice[], now: Date): { send: QueuedNotice[]; skip: QueuedNotice[]; digestDue: boolean } {
  if (r.mail === "off") return { send: [], skip: notices, digestDue: false };
  const muted = new Set(r.mutedKinds);
  const skip = notices.filter((n) => muted.has(n.kind));
  const rest = notices.filter((n) => !muted.has(n.kind));
  if (r.mail === "immediate") return { send: rest, skip, digestDue: false };
  const digestDue = !!r.nextDigestAt && r.nextDigestAt <= now;
  // Retries of a digest that failed go out as soon as their backoff ends, not a day later.
  return { send: digestDue ? rest : rest.filter((n) => n.mailAttempts > 0), skip, digestDue };
}

export async function runPass(db: Db, o: PassOptions): Promise<PassResult> {
  const started = performance.now();
  const now = o.now ?? new Date();
  const holder = o.holder ?? `${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  const log = o.log ?? (() => { });
  const result: PassResult = { ran: false, created: 0, dueItems: 0, mailsSent: 0, noticesMailed: 0, failedMails: 0, skipped: 0, mailOff: !o.mail, mailServerDown: null, ms: 0 };
  if (!(await acquireLease(db, holder, now))) {
    result.ms = performance.now() - started;
    return result;
  }
  result.ran = true;
  let transport: Transport | undefined;
  try {
    await releaseStuck(db);
    Object.assign(result, await applyDateRules(db, now));
    const settings = await getNotificationSettings(db);
    const recipients = await recipientsWithMail(db, now, !!o.retryNow);
    for (const r of recipients) {
      const notices = await pendingFor(db, r.userId, now, !!o.retryNow);
      if (!o.mail) {
        // Mail is off: these are seen in the centre; turning mail on later does not replay them.
        if (!o.dryRun) await markSkipped(db, notices.map((n) => n.id));
        result.skipped += notices.length;
        continue;
      }
      if ((r.mail === "daily" || r.mail === "weekly") && !r.nextDigestAt && !o.dryRun)
        await setNextDigest(db, r.userId, nextDigestAt(r.mail, r.timeZone ?? "UTC", now, settings.digestHour));
      const { send, skip, digestDue } = dueNow(r, notices, now);
      if (!o.dryRun) await markSkipped(db, skip.map((n) => n.id));
      result.skipped += skip.length;
      if (!send.length || result.mailServerDown) continue;
      const mail = composeMail({ userId: r.userId, name: r.name, locale: r.locale, baseUrl: authBaseUrl(), notices: send, fromDomain: o.mail.from.replace(/.*@|>.*/g, "") || "bridgehead" });
      if (o.dryRun) {
        log(`would mail ${r.email}: ${mail.subject} (${send.length} notice${send.length === 1 ? "" : "s"})`);
        continue;
      }
      const ids = await claim(db, r.userId, send.map((n) => n.id));
      if (!ids.length) continue;
      transport ??= o.transport ?? createTransport(o.mail);
      try {
        await transport.sendMail({ from: o.mail.from, to: r.email, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId: mail.messageId });
        await markSent(db, ids, now);
        result.mailsSent++;
        result.noticesMailed += ids.length;
        if (digestDue) await setNextDigest(db, r.userId, nextDigestAt(r.mail, r.timeZone ?? "UTC", now, settings.digestHour));
        log(`mailed ${r.email}: ${mail.subject}`);
      } catch (e) {
        const { text, down } = errorText(e);
        await markFailed(db, ids, text, now);
        result.failedMails++;
        if (down) result.mailServerDown = text;
        log(`could not mail ${r.email}: ${text}`);
      }
    }
  } finally {
    if (!o.transport) transport?.close?.();
    result.ms = performance.now() - started;
    await releaseLease(db, holder, result, now);
  }
  return result;
}
