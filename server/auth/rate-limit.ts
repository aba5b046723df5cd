import "server-only";
import { and, asc, count, eq, gt, gte, inArray, lt } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { signInAttempt, signInKnownAddress } from "@/db/schema";
import { lockKeys } from "@/db/dialect";
import { inTransaction, one } from "@/db/tx";

// Tries are counted per account and per IP over a sliding window, and counted *before* the
// password is checked, in the transaction that read the count: parallel tries cannot all pass.
export const WINDOW_MS = 15 * 60_000;
export const MAX_PER_ACCOUNT = 5;
export const MAX_PER_IP = 20;
/** How long an address the owner signed in from keeps its own bucket. */
export const KNOWN_FOR_MS = 90 * 24 * 60 * 60_000;

export type Reservation = { ids: number[]; accountKey: string; email: string; ip: string | null };
export type Reserve = { blockedMinutes: number } | { reservation: Reservation };

/**
 * Counts one try, or refuses it when a limit is reached. An address the account signed in from
 * before (within KNOWN_FOR_MS) has its own per-account bucket and skips the per-IP limit, so
 * failures sent from elsewhere (or a sprayer sharing the office's network) never lock out the
 * owner where they usually work; everyone else shares the account's bucket and the IP's.
 */
export async function reserveSignInAttempt(db: Db, rawEmail: string, ip: string | null, now = Date.now()): Promise<Reserve> {
  const email = rawEmail.toLowerCase();
  return await inTransaction(db, async (tx) => {
    const known = await isKnownAddress(tx, email, ip, now);
    return reserveIn(tx, known ? `email:${email}|ip:${ip}` : `email:${email}`, known, email, ip, now);
  });
}


async function isKnownAddress(tx: Tx, email: string, ip: string | null, now: number): Promise<boolean> {
  return (
    ip !== null &&
    !!(await tx
      .select({ ip: signInKnownAddress.ip })
      .from(signInKnownAddress)
      .where(and(eq(signInKnownAddress.email, email), eq(signInKnownAddress.ip, ip), gt(signInKnownAddress.lastAt, new Date(now - KNOWN_FOR_MS)))).limit(1))[0]
  );
}

/** Counts one try in `accountKey` and the IP's bucket (skipped from a known address), or refuses it. */
async function reserveIn(tx: Tx, accountKey: string, known: boolean, email: string, ip: string | null, now: number): Promise<Reserve> {
  const since = new Date(now - WINDOW_MS);
  const ipKey = `ip:${ip ?? "unknown"}`;
  await lockKeys(tx as never, [accountKey, ipKey]);
  const inWindow = (key: string) => and(eq(signInAttempt.key, key), gte(signInAttempt.at, since));
  const n = async (key: string) => (await tx.select({ n: count() }).from(signInAttempt).where(inWindow(key)).limit(1))[0]!.n;
  const full = (await n(accountKey)) >= MAX_PER_ACCOUNT ? accountKey : !known && (await n(ipKey)) >= MAX_PER_IP ? ipKey : null;
  if (full) {
    // Free again once the oldest try of the window has aged out of it.
    const oldest = (await tx.select({ at: signInAttempt.at }).from(signInAttempt).where(inWindow(full)).orderBy(asc(signInAttempt.at)).limit(1))[0]!;
    return { blockedMinutes: Math.max(1, Math.ceil((oldest.at.getTime() + WINDOW_MS - now) / 60_000)) };
  }
  const ids = (await tx
    .insert(signInAttempt)
    .values([
      { key: accountKey, at: new Date(now) },
      { key: ipKey, at: new Date(now) },
    ])
    .returning({ id: signInAttempt.id }))
    .map((r) => r.id);
  await tx.delete(signInAttempt).where(lt(signInAttempt.at, since));
  return { reservation: { ids, accountKey, email, ip } };
}

/**
 * Counts one code of a two-step sign-in before better-auth checks it, like a password: 5 per
 * account per window (from a known address in that address's own bucket) and the per-IP limit.
 * Together with the password try that stays counted until the code is right, the 6 digits
 * cannot be guessed faster than a password.
 */
export async function reserveSecondFactorAttempt(db: Db, rawEmail: string, ip: string | null, now = Date.now()): Promise<Reserve> {
  const email = rawEmail.toLowerCase();
  return await inTransaction(db, async (tx) => {
    const known = await isKnownAddress(tx, email, ip, now);
    return reserveIn(tx, known ? `2fa:${email}|ip:${ip}` : `2fa:${email}`, known, email, ip, now);
  });
}

/**
 * The code was right, so the whole sign-in succeeded: the password's and the codes' buckets
 * start afresh and the address becomes known. Only now, so that knowing the password alone
 * never earns an address its own bucket.
 */
export async function settleTwoStepSuccess(db: Db, r: Reservation, now = Date.now()): Promise<void> {
  // The password's bucket is the one beside the codes' (the same address split).
  const passwordKey = r.accountKey.replace(/^2fa:/, "email:");
  await db.delete(signInAttempt).where(eq(signInAttempt.key, passwordKey));
  await settleSignInSuccess(db, r, now);
}

/** The right password: the try was no failure, the bucket it used starts afresh, the address is known. */
export async function settleSignInSuccess(db: Db, r: Reservation, now = Date.now()): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.delete(signInAttempt).where(inArray(signInAttempt.id, r.ids));
    await tx.delete(signInAttempt).where(eq(signInAttempt.key, r.accountKey));
    await tx.delete(signInKnownAddress).where(lt(signInKnownAddress.lastAt, new Date(now - KNOWN_FOR_MS)));
    if (r.ip)
      await tx.insert(signInKnownAddress)
        .values({ email: r.email, ip: r.ip, lastAt: new Date(now) })
        .onConflictDoUpdate({ target: [signInKnownAddress.email, signInKnownAddress.ip], set: { lastAt: new Date(now) } });
  });
}

/** Wrong current passwords on the password-change form, per user: a stolen session cannot guess on. */
export const MAX_CURRENT_PASSWORD = 5;
const currentKey = (userId: string) => `current-password:${userId}`;

/** Counts a current-password check before it runs; minutes to wait when the limit is reached. */
export async function reserveCurrentPasswordCheck(db: Db, userId: string, now = Date.now()): Promise<{ blockedMinutes: number } | { id: number }> {
  const since = new Date(now - WINDOW_MS);
  return await inTransaction(db, async (tx) => {
    await lockKeys(tx as never, [currentKey(userId)]);
    const where = and(eq(signInAttempt.key, currentKey(userId)), gte(signInAttempt.at, since));
    if ((await tx.select({ n: count() }).from(signInAttempt).where(where).limit(1))[0]!.n >= MAX_CURRENT_PASSWORD) {
      const oldest = (await tx.select({ at: signInAttempt.at }).from(signInAttempt).where(where).orderBy(asc(signInAttempt.at)).limit(1))[0]!;
      return { blockedMinutes: Math.max(1, Math.ceil((oldest.at.getTime() + WINDOW_MS - now) / 60_000)) };
    }
    return await one(tx.insert(signInAttempt).values({ key: currentKey(userId), at: new Date(now) }).returning({ id: signInAttempt.id }));
  });
}

/** The current password was right: its count starts afresh. */
export async function clearCurrentPasswordChecks(db: Db, userId: string): Promise<void> {
  await db.delete(signInAttempt).where(eq(signInAttempt.key, currentKey(userId)));
}
