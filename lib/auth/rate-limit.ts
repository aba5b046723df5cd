import { and, asc, count, eq, gt, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempt, signInKnownAddress } from "@/db/schema";

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
export function reserveSignInAttempt(db: Db, rawEmail: string, ip: string | null, now = Date.now()): Reserve {
  const email = rawEmail.toLowerCase();
  const since = new Date(now - WINDOW_MS);
  return db.transaction(
    (tx) => {
      const known =
        ip !== null &&
        !!tx
          .select({ ip: signInKnownAddress.ip })
          .from(signInKnownAddress)
          .where(and(eq(signInKnownAddress.email, email), eq(signInKnownAddress.ip, ip), gt(signInKnownAddress.lastAt, new Date(now - KNOWN_FOR_MS))))
          .get();
      const accountKey = known ? `email:${email}|ip:${ip}` : `email:${email}`;
      const ipKey = `ip:${ip ?? "unknown"}`;
      const inWindow = (key: string) => and(eq(signInAttempt.key, key), gte(signInAttempt.at, since));
      const n = (key: string) => tx.select({ n: count() }).from(signInAttempt).where(inWindow(key)).get()!.n;
      const full = n(accountKey) >= MAX_PER_ACCOUNT ? accountKey : !known && n(ipKey) >= MAX_PER_IP ? ipKey : null;
      if (full) {
        // Free again once the oldest try of the window has aged out of it.
        const oldest = tx.select({ at: signInAttempt.at }).from(signInAttempt).where(inWindow(full)).orderBy(asc(signInAttempt.at)).limit(1).get()!;
        return { blockedMinutes: Math.max(1, Math.ceil((oldest.at.getTime() + WINDOW_MS - now) / 60_000)) };
      }
      const ids = tx
        .insert(signInAttempt)
        .values([
          { key: accountKey, at: new Date(now) },
          { key: ipKey, at: new Date(now) },
        ])
        .returning({ id: signInAttempt.id })
        .all()
        .map((r) => r.id);
      tx.delete(signInAttempt).where(lt(signInAttempt.at, since)).run();
      return { reservation: { ids, accountKey, email, ip } };
    },
    // IMMEDIATE takes the write lock before the read, so other processes queue instead of racing.
    { behavior: "immediate" },
  );
}

/** The right password: the try was no failure, the bucket it used starts afresh, the address is known. */
export function settleSignInSuccess(db: Db, r: Reservation, now = Date.now()): void {
  db.transaction((tx) => {
    tx.delete(signInAttempt).where(inArray(signInAttempt.id, r.ids)).run();
    tx.delete(signInAttempt).where(eq(signInAttempt.key, r.accountKey)).run();
    tx.delete(signInKnownAddress).where(lt(signInKnownAddress.lastAt, new Date(now - KNOWN_FOR_MS))).run();
    if (r.ip)
      tx.insert(signInKnownAddress)
        .values({ email: r.email, ip: r.ip, lastAt: new Date(now) })
        .onConflictDoUpdate({ target: [signInKnownAddress.email, signInKnownAddress.ip], set: { lastAt: new Date(now) } })
        .run();
  });
}

/** Wrong current passwords on the password-change form, per user: a stolen session cannot guess on. */
export const MAX_CURRENT_PASSWORD = 5;
const currentKey = (userId: string) => `current-password:${userId}`;

/** Counts a current-password check before it runs; minutes to wait when the limit is reached. */
export function reserveCurrentPasswordCheck(db: Db, userId: string, now = Date.now()): { blockedMinutes: number } | { id: number } {
  const since = new Date(now - WINDOW_MS);
  return db.transaction(
    (tx) => {
      const where = and(eq(signInAttempt.key, currentKey(userId)), gte(signInAttempt.at, since));
      if (tx.select({ n: count() }).from(signInAttempt).where(where).get()!.n >= MAX_CURRENT_PASSWORD) {
        const oldest = tx.select({ at: signInAttempt.at }).from(signInAttempt).where(where).orderBy(asc(signInAttempt.at)).limit(1).get()!;
        return { blockedMinutes: Math.max(1, Math.ceil((oldest.at.getTime() + WINDOW_MS - now) / 60_000)) };
      }
      return tx.insert(signInAttempt).values({ key: currentKey(userId), at: new Date(now) }).returning({ id: signInAttempt.id }).get();
    },
    { behavior: "immediate" },
  );
}

/** The current password was right: its count starts afresh. */
export function clearCurrentPasswordChecks(db: Db, userId: string): void {
  db.delete(signInAttempt).where(eq(signInAttempt.key, currentKey(userId))).run();
}
