import "server-only";
import crypto from "node:crypto";
import { APIError } from "better-auth/api";
import type { CodeCheck } from "./sign-in";
import { getAuth } from "./server";

/** better-auth's cookie naming the pending two-step sign-in (its plugin's TWO_FACTOR_COOKIE_NAME). */
const CHALLENGE_COOKIE = "two_factor";

/**
 * Whose two-step sign-in is pending in this browser, or null. The cookie is better-auth's,
 * signed with the auth secret (HMAC-SHA256, as better-call signs it), and names a challenge
 * that better-auth keeps until the code is right or 10 minutes have passed. Read here so the
 * code can be counted against the account *before* better-auth checks it.
 */
export async function pendingSecondFactor(h: Headers): Promise<{ userId: string; email: string } | null> {
  const ctx = await getAuth().$context;
  const raw = cookieValue(h, ctx.createAuthCookie(CHALLENGE_COOKIE).name);
  if (!raw) return null;
  const value = safeDecode(raw);
  const dot = value?.lastIndexOf(".") ?? -1;
  if (!value || dot < 1) return null;
  const identifier = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), "base64");
  const expected = crypto.createHmac("sha256", ctx.secret).update(identifier).digest();
  if (signature.length !== expected.length || !crypto.timingSafeEqual(signature, expected)) return null;
  const challenge = await ctx.internalAdapter.findVerificationValue(identifier);
  if (!challenge || challenge.expiresAt.getTime() <= Date.now()) return null;
  const u = await ctx.internalAdapter.findUserById(challenge.value);
  return u ? { userId: u.id, email: u.email } : null;
}

function cookieValue(h: Headers, name: string): string | null {
  for (const part of (h.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** A code as typed: six digits from the app, or a backup code (xxxxx-xxxxx, case kept). */
export function codeKind(code: string): "totp" | "backup" {
  return /^\d{6}$/.test(code) ? "totp" : "backup";
}

/** Asks better-auth to check the pending sign-in's code; on success it sets the session cookie. */
export async function checkSecondFactor(code: string, h: Headers): Promise<CodeCheck> {
  try {
    if (codeKind(code) === "totp") await getAuth().api.verifyTOTP({ body: { code }, headers: h });
    else await getAuth().api.verifyBackupCode({ body: { code }, headers: h });
    return "ok";
  } catch (e) {
    if (!(e instanceof APIError)) throw e;
    const c = (e.body as { code?: string } | undefined)?.code;
    if (c === "ACCOUNT_TEMPORARILY_LOCKED") return "locked";
    if (c === "INVALID_TWO_FACTOR_COOKIE" || c === "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE") return "expired";
    return "invalid";
  }
}

/** The otpauth:// URI's secret, shown as text for those who cannot scan the QR code. */
export function secretOf(totpURI: string): string {
  return new URL(totpURI).searchParams.get("secret") ?? "";
}
