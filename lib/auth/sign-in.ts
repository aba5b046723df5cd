import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { writeSignInFailure } from "@/db/audit";
import { user } from "@/db/schema";
import { reserveSignInAttempt, settleSignInSuccess, WINDOW_MS } from "./rate-limit";

/** What the password check found; "deactivated" only once the password was right. */
export type PasswordCheck = "ok" | "invalid" | "deactivated";
export type SignInOutcome = { ok: true } | { ok: false; reason: "invalid" | "deactivated" } | { ok: false; reason: "limited"; minutes: number };

/**
 * One sign-in try: counted first (refused when limited, before any password is hashed), then
 * checked by `check`, then settled. A wrong password stays counted and is audited as a count.
 */
export async function attemptSignIn(db: Db, p: { email: string; ip: string | null }, check: () => Promise<PasswordCheck>, now = Date.now()): Promise<SignInOutcome> {
  const r = reserveSignInAttempt(db, p.email, p.ip, now);
  if ("blockedMinutes" in r) return { ok: false, reason: "limited", minutes: r.blockedMinutes };
  const result = await check();
  if (result === "ok") {
    settleSignInSuccess(db, r.reservation, now);
    return { ok: true };
  }
  const email = p.email.toLowerCase();
  const row = db.select({ id: user.id }).from(user).where(eq(user.email, email)).get();
  writeSignInFailure(db, { email, ip: p.ip, userId: row?.id ?? null }, WINDOW_MS, now);
  return { ok: false, reason: result };
}
