import { and, eq } from "drizzle-orm";
import { APIError } from "better-auth/api";
import * as OTPAuth from "otpauth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { appDatabaseUrl } from "../helpers/db";
import { SYSTEM_ACTOR } from "@/db/audit";
import { runMigrations } from "@/db/migrate";
import { createUser, resetUserTwoFactor } from "@/db/queries/users";
import { auditEvent, session, twoFactor, user, verification } from "@/db/schema";
import { attemptSecondFactor, attemptSignIn, type PasswordCheck } from "@/server/auth/sign-in";
import { MAX_PER_ACCOUNT } from "@/server/auth/rate-limit";
import { userCommand } from "../../scripts/user-command";

// The real stack: better-auth with its twoFactor plugin on a migrated in-memory SQLite. Codes
// come from otpauth reading the otpauth:// URI the QR code carries, as an authenticator app does.
vi.stubEnv("DATABASE_URL", await appDatabaseUrl());
vi.stubEnv("BETTER_AUTH_SECRET", "two-factor-test-secret-two-factor-test-secret");
vi.stubEnv("BETTER_AUTH_URL", "http://localhost:3000");

const { getDb } = await import("@/db");
const { getAuth } = await import("@/server/auth/server");
const { checkSecondFactor, pendingSecondFactor, secretOf } = await import("@/server/auth/two-factor");

const PASSWORD = "Chongqing-bigdata-2019";
const db = getDb();
const auth = getAuth();

beforeAll(() => runMigrations(db));

/** The browser's cookies: Set-Cookie answers applied in order, expired ones dropped. */
class Jar {
  private cookies = new Map<string, string>();
  take(h: Headers): this {
    for (const c of h.getSetCookie()) {
      const [pair = "", ...attrs] = c.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return this;
  }
  headers(): Headers {
    return new Headers({ cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") });
  }
  has(suffix: string): boolean {
    return [...this.cookies.keys()].some((k) => k.endsWith(suffix));
  }
}

let n = 0;
async function newUser() {
  const email = `officer${++n}@example.org`;
  const u = await createUser(db, SYSTEM_ACTOR, { email, name: `Officer ${n}`, role: "editor", password: PASSWORD });
  return { id: u.id, email };
}

/** better-auth's password sign-in, as the login action calls it; the jar gets its cookies. */
function passwordCheck(email: string, jar: Jar, password = PASSWORD) {
  return async (): Promise<PasswordCheck> => {
    try {
      const r = await auth.api.signInEmail({ body: { email, password }, headers: new Headers(), returnHeaders: true });
      jar.take(r.headers);
      return "twoFactorRedirect" in r.response && r.response.twoFactorRedirect ? "second-factor" : "ok";
    } catch (e) {
      if (e instanceof APIError) return "invalid";
      throw e;
    }
  };
}

/** Signs in with the password and turns two-step sign-in on; returns the app's TOTP and the backup codes. */
async function enrolled() {
  const u = await newUser();
  const jar = new Jar();
  expect(await attemptSignIn(db, { email: u.email, ip: "192.0.2.1" }, passwordCheck(u.email, jar))).toEqual({ ok: true });
  const r = await auth.api.enableTwoFactor({ body: { password: PASSWORD }, headers: jar.headers(), returnHeaders: true });
  jar.take(r.headers);
  if (r.response.method !== "totp") throw new Error("expected totp");
  const app = OTPAuth.URI.parse(r.response.totpURI) as OTPAuth.TOTP;
  const confirmed = await auth.api.verifyTOTP({ body: { code: app.generate() }, headers: jar.headers(), returnHeaders: true });
  jar.take(confirmed.headers);
  return { ...u, app, uri: r.response.totpURI, backupCodes: r.response.backupCodes, jar };
}

/** A wrong code that is not the app's current one (nor the neighbouring windows it accepts). */
function wrongCode(app: OTPAuth.TOTP): string {
  const near = new Set([-1, 0, 1].map((w) => app.generate({ timestamp: Date.now() + w * 30_000 })));
  for (let i = 0; ; i++) {
    const c = String(123456 + i).padStart(6, "0");
    if (!near.has(c)) return c;
  }
}

const sessionsOf = async (userId: string) => (await db.select({ id: session.id }).from(session).where(eq(session.userId, userId))).length;
const failedChecks = async (userId: string) => (await db.select({ n: twoFactor.failedVerificationCount }).from(twoFactor).where(eq(twoFactor.userId, userId)))[0]?.n;

describe("[ACCOUNTS] two-step sign-in (TOTP, better-auth's twoFactor plugin)", () => {
  it("enrols from the QR code's otpauth URI: the password first, the key as text, on only after a first code", async () => {
    const u = await newUser();
    const jar = new Jar();
    await attemptSignIn(db, { email: u.email, ip: "192.0.2.1" }, passwordCheck(u.email, jar));
    await expect(auth.api.enableTwoFactor({ body: { password: "not-my-password-at-all" }, headers: jar.headers() })).rejects.toThrow(APIError);
    const r = await auth.api.enableTwoFactor({ body: { password: PASSWORD }, headers: jar.headers(), returnHeaders: true });
    jar.take(r.headers);
    if (r.response.method !== "totp") throw new Error("expected totp");
    const app = OTPAuth.URI.parse(r.response.totpURI) as OTPAuth.TOTP;
    expect(app).toMatchObject({ issuer: "Bridgehead", label: u.email, digits: 6, period: 30, algorithm: "SHA1" });
    expect(secretOf(r.response.totpURI)).toBe(app.secret.base32);
    expect(r.response.backupCodes).toHaveLength(10);
    // Not on until the app proves it holds the secret: sign-in still takes the password alone.
    expect((await db.select({ on: user.twoFactorEnabled }).from(user).where(eq(user.id, u.id)))[0]!.on).toBe(false);
    expect(await attemptSignIn(db, { email: u.email, ip: "192.0.2.1" }, passwordCheck(u.email, new Jar()))).toEqual({ ok: true });
    await expect(auth.api.verifyTOTP({ body: { code: wrongCode(app) }, headers: jar.headers() })).rejects.toThrow(APIError);
    await auth.api.verifyTOTP({ body: { code: app.generate() }, headers: jar.headers() });
    expect((await db.select({ on: user.twoFactorEnabled }).from(user).where(eq(user.id, u.id)))[0]!.on).toBe(true);
    // The secret and the backup codes are stored encrypted, never as given.
    const row = (await db.select().from(twoFactor).where(eq(twoFactor.userId, u.id)))[0]!;
    expect(row.secret).not.toContain(app.secret.base32);
    expect(row.backupCodes).not.toContain(r.response.backupCodes[0]);
  });

  it("signs in with the password and then a code from the app; no session exists between the two steps", async () => {
    const u = await enrolled();
    const before = await sessionsOf(u.id);
    const jar = new Jar();
    expect(await attemptSignIn(db, { email: u.email, ip: "198.51.100.7" }, passwordCheck(u.email, jar))).toEqual({ ok: true, secondFactor: true });
    expect(jar.has("session_token")).toBe(false);
    expect(await sessionsOf(u.id)).toBe(before);
    expect(await pendingSecondFactor(jar.headers())).toEqual({ userId: u.id, email: u.email });
    expect(await attemptSecondFactor(db, { email: u.email, ip: "198.51.100.7" }, () => checkSecondFactor(wrongCode(u.app), jar.headers()))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await attemptSecondFactor(db, { email: u.email, ip: "198.51.100.7" }, () => checkSecondFactor(u.app.generate(), jar.headers()))).toEqual({ ok: true });
    expect(await sessionsOf(u.id)).toBe(before + 1);
    // The wrong code is in the audit trail as a counted failure.
    const [failed] = await db.select().from(auditEvent).where(and(eq(auditEvent.event, "sign_in_failed"), eq(auditEvent.actorLabel, u.email)));
    expect(failed?.after).toMatchObject({ failures: 1 });
  });

  it("wrong codes count like wrong passwords: fresh challenges do not renew the guesses, better-auth checks only 5 codes in the window", async () => {
    const u = await enrolled();
    const results: string[] = [];
    for (let i = 0; i < 8; i++) {
      const jar = new Jar();
      const signIn = await attemptSignIn(db, { email: u.email, ip: `203.0.113.${i}` }, passwordCheck(u.email, jar));
      if (!signIn.ok) {
        results.push(signIn.reason);
        continue;
      }
      const code = await attemptSecondFactor(db, { email: u.email, ip: `203.0.113.${i}` }, () => checkSecondFactor(wrongCode(u.app), jar.headers()));
      results.push(code.ok ? "ok" : code.reason);
    }
    // Knowing the password does not reset the count: each right password waits for its code.
    expect(results.slice(0, MAX_PER_ACCOUNT)).toEqual(Array(MAX_PER_ACCOUNT).fill("invalid"));
    expect(results.slice(MAX_PER_ACCOUNT)).toEqual(Array(8 - MAX_PER_ACCOUNT).fill("limited"));
    expect(await failedChecks(u.id)).toBe(MAX_PER_ACCOUNT);
  });

  it("20 parallel codes on one challenge: at most 5 are checked and the right one after them is refused", async () => {
    const u = await enrolled();
    const jar = new Jar();
    await attemptSignIn(db, { email: u.email, ip: "203.0.113.50" }, passwordCheck(u.email, jar));
    let checked = 0;
    const tries = Array.from({ length: 20 }, (_, i) =>
      attemptSecondFactor(db, { email: u.email, ip: "203.0.113.50" }, () => {
        checked++;
        return checkSecondFactor(i === 19 ? u.app.generate() : wrongCode(u.app), jar.headers());
      }),
    );
    const results = await Promise.all(tries);
    expect(checked).toBe(MAX_PER_ACCOUNT);
    expect(results[19]).toMatchObject({ ok: false, reason: "limited" });
    expect(results.filter((r) => r.ok)).toHaveLength(0);
  });

  it("a backup code signs in once; used again it is refused", async () => {
    const u = await enrolled();
    const [, , , code = "", next = ""] = u.backupCodes;
    const first = new Jar();
    await attemptSignIn(db, { email: u.email, ip: "192.0.2.1" }, passwordCheck(u.email, first));
    expect(await attemptSecondFactor(db, { email: u.email, ip: "192.0.2.1" }, () => checkSecondFactor(code, first.headers()))).toEqual({ ok: true });
    const again = new Jar();
    await attemptSignIn(db, { email: u.email, ip: "192.0.2.1" }, passwordCheck(u.email, again));
    expect(await attemptSecondFactor(db, { email: u.email, ip: "192.0.2.1" }, () => checkSecondFactor(code, again.headers()))).toMatchObject({ reason: "invalid" });
    expect(await attemptSecondFactor(db, { email: u.email, ip: "192.0.2.1" }, () => checkSecondFactor(next, again.headers()))).toEqual({ ok: true });
  });

  it("a forged or foreign challenge cookie names nobody, and challenges are stored by a hash of their identifier", async () => {
    const u = await enrolled();
    const jar = new Jar();
    await attemptSignIn(db, { email: u.email, ip: "192.0.2.1" }, passwordCheck(u.email, jar));
    const cookie = jar.headers().get("cookie")!;
    const value = /two_factor=([^;]+)/.exec(cookie)![1]!;
    const identifier = decodeURIComponent(value).split(".")[0]!;
    expect(await db.select().from(verification).where(eq(verification.identifier, identifier))).toHaveLength(0);
    const forged = cookie.replace(/two_factor=[^;]+/, `two_factor=${encodeURIComponent(`${identifier}.${Buffer.alloc(32).toString("base64")}`)}`);
    expect(await pendingSecondFactor(new Headers({ cookie: forged }))).toBeNull();
    expect(await pendingSecondFactor(new Headers())).toBeNull();
  });

  it("turning it off takes the password; then sign-in takes the password alone", async () => {
    const u = await enrolled();
    await expect(auth.api.disableTwoFactor({ body: { password: "not-my-password-at-all" }, headers: u.jar.headers() })).rejects.toThrow(APIError);
    await auth.api.disableTwoFactor({ body: { password: PASSWORD }, headers: u.jar.headers() });
    expect(await db.select().from(twoFactor).where(eq(twoFactor.userId, u.id))).toHaveLength(0);
    expect(await attemptSignIn(db, { email: u.email, ip: "192.0.2.1" }, passwordCheck(u.email, new Jar()))).toEqual({ ok: true });
  });

  it("an admin's reset deletes the secret and the backup codes, ends the sessions, and is audited", async () => {
    const u = await enrolled();
    const admin = { userId: null, label: "admin@example.org", role: "admin" as const };
    expect(await resetUserTwoFactor(db, admin, u.id)).toEqual({ wasEnabled: true });
    expect(await db.select().from(twoFactor).where(eq(twoFactor.userId, u.id))).toHaveLength(0);
    expect(await sessionsOf(u.id)).toBe(0);
    const [ev] = await db.select().from(auditEvent).where(and(eq(auditEvent.event, "two_factor_reset"), eq(auditEvent.recordId, u.id)));
    expect(ev).toMatchObject({ actorLabel: "admin@example.org", before: { twoFactor: true }, after: { twoFactor: false } });
    expect(await attemptSignIn(db, { email: u.email, ip: "192.0.2.1" }, passwordCheck(u.email, new Jar()))).toEqual({ ok: true });
  });

  it("the shell resets it too, for the last admin who lost both the phone and the backup codes", async () => {
    const u = await enrolled();
    expect((await userCommand(db, ["list"])).out).toContain(`${u.email}\teditor\ttwo-step`);
    expect(await userCommand(db, ["reset-2fa", u.email])).toMatchObject({ code: 0, out: [expect.stringContaining("reset")] });
    expect((await db.select({ on: user.twoFactorEnabled }).from(user).where(eq(user.id, u.id)))[0]!.on).toBe(false);
    expect((await userCommand(db, ["reset-2fa", u.email])).out).toEqual([`${u.email} had no two-step sign-in.`]);
    const [ev] = await db.select().from(auditEvent).where(and(eq(auditEvent.event, "two_factor_reset"), eq(auditEvent.actorLabel, "cli")));
    expect(ev?.recordId).toBe(u.id);
  });
});
