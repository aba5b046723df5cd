import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { writeSignInFailure } from "@/db/audit";
import { user } from "@/db/schema";
import { reserveSecondFactorAttempt, reserveSignInAttempt, settleSignInSuccess, settleTwoStepSuccess, WINDOW_MS } from "./rate-limit";

/**
 * What the password check found; "deactivated" only once the password was right, "second-factor"
 * when it was right and the account asks for a code next.
 */
export type PasswordCheck = "ok" | "second-factor" | "invalid" | "deactivated";
export type SignInOutcome =
  | { ok: true; secondFactor?: true }
  | { ok: false; reason: "invalid" | "deactivated" }
  | { ok: false; reason: "limited"; minutes: number };

/**
 * One sign-in try: counted first (refused when limited, before any password is hashed), then
 * checked by `check`, then settled. A wrong password stays counted and is audited as a count;
 * so does a right one that still needs its code, until the code is right.
 */
export async function attemptSignIn(db: Db, p: { email: string; ip: string | null }, check: () => Promise<PasswordCheck>, now = Date.now()): Promise<SignInOutcome> {
  const r = await reserveSignInAttempt(db, p.email, p.ip, now);
  if ("blockedMinutes" in r) return { ok: false, reason: "limited", minutes: r.blockedMinutes };
  const result = await check();
  if (result === "second-factor") return { ok: true, secondFactor: true };
  if (result === "ok") {
    await settleSignInSuccess(db, r.reservation, now);
    return { ok: true };
  }
  await recordFailure(db, p.email, p.ip, now);
  return { ok: false, reason: result };
}

/** What better-auth said of a code: "expired" when the challenge is gone (start again), "locked" by its own account lock. */
export type CodeCheck = "ok" | "invalid" | "expired" | "locked";
export type CodeOutcome = { ok: true } | { ok: false; reason: "invalid" | "expired" } | { ok: false; reason: "limited"; minutes: number };

/** The second step: the code is counted before it is checked, exactly as a password is. */
export async function attemptSecondFactor(db: Db, p: { email: string; ip: string | null }, check: () => Promise<CodeCheck>, now = Date.now()): Promise<CodeOutcome> {
  const r = await reserveSecondFactorAttempt(db, p.email, p.ip, now);
  if ("blockedMinutes" in r) return { ok: false, reason: "limited", minutes: r.blockedMinutes };
  const result = await check();
  if (result === "ok") {
    await settleTwoStepSuccess(db, r.reservation, now);
    return { ok: true };
  }
  if (result === "expired") return { ok: false, reason: "expired" };
  await recordFailure(db, p.email, p.ip, now);
  return result === "locked" ? { ok: false, reason: "limited", minutes: WINDOW_MS / 60_000 } : { ok: false, reason: "invalid" };
}

async function recordFailure(db: Db, rawEmail: string, ip: string | null, now: number): Promise<void> {
  const email = rawEmail.toLowerCase();
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  await writeSignInFailure(db, { email, ip, userId: row?.id ?? null }, WINDOW_MS, now);
}
