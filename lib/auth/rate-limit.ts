import { and, count, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInAttempt } from "@/db/schema";

// Failed sign-ins are counted per account and per IP over a sliding window.
export const WINDOW_MS = 15 * 60_000;
export const MAX_PER_ACCOUNT = 5;
export const MAX_PER_IP = 20;

const keys = (email: string, ip: string | null) => ({ account: `email:${email.toLowerCase()}`, ip: `ip:${ip ?? "unknown"}` });

/** Minutes until another try is allowed, or 0 when not limited. */
export function signInBlockedFor(db: Db, email: string, ip: string | null, now = Date.now()): number {
  const k = keys(email, ip);
  const since = new Date(now - WINDOW_MS);
  const n = (key: string) =>
    db.select({ n: count() }).from(signInAttempt).where(and(eq(signInAttempt.key, key), gte(signInAttempt.at, since))).get()!.n;
  if (n(k.account) >= MAX_PER_ACCOUNT || n(k.ip) >= MAX_PER_IP) return Math.ceil(WINDOW_MS / 60_000);
  return 0;
}

export function recordSignInFailure(db: Db, email: string, ip: string | null, now = Date.now()): void {
  const k = keys(email, ip);
  db.transaction((tx) => {
    tx.insert(signInAttempt).values([{ key: k.account, at: new Date(now) }, { key: k.ip, at: new Date(now) }]).run();
    tx.delete(signInAttempt).where(lt(signInAttempt.at, new Date(now - WINDOW_MS))).run();
  });
}

export function clearSignInFailures(db: Db, email: string): void {
  db.delete(signInAttempt).where(eq(signInAttempt.key, keys(email, null).account)).run();
}
