import { REFUSAL_REASONS } from "@/lib/errors";
import { and, eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { appDatabaseUrl } from "../helpers/db";
import { SYSTEM_ACTOR, type Actor } from "@/db/audit";
import { runMigrations } from "@/db/migrate";
import { OWN_TWO_FACTOR_FIRST, REQUIRE_ADMIN_TWO_FACTOR, adminTwoFactorRequired, setAdminTwoFactorRequired } from "@/db/queries/admin-two-factor";
import { createApiToken } from "@/db/queries/tokens";
import { createUser } from "@/db/queries/users";
import { auditEvent, setting } from "@/db/schema";
import { userCommand } from "../../scripts/user-command";

// The guards themselves (getCurrentUser, requireUser, runCommand, apiRoute) on better-auth's real
// sessions over a migrated in-memory SQLite. Only Next's request scope is stood in for: the
// headers and cookies of "this request" are those of the browser acting at the moment.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => {
      for (const part of (request.headers.get("cookie") ?? "").split(";")) {
        const [k, ...v] = part.trim().split("=");
        if (k === name) return { name, value: v.join("=") };
      }
      return undefined;
    },
  }),
}));

vi.stubEnv("DATABASE_URL", await appDatabaseUrl());
vi.stubEnv("BETTER_AUTH_SECRET", "admin-two-factor-test-secret-admin-two-factor");
vi.stubEnv("BETTER_AUTH_URL", "http://localhost:3000");

const { getDb } = await import("@/db");
const { getAuth } = await import("@/server/auth/server");
const { requireUser } = await import("@/server/auth/guard");
const { runCommand } = await import("@/server/auth/command");
const tokensRoute = await import("@/app/api/v1/tokens/route");
const meRoute = await import("@/app/api/v1/me/route");

const PASSWORD = "Chongqing-bigdata-2019";
const db = getDb();
const auth = getAuth();

beforeAll(() => runMigrations(db));

/** A browser: the cookies better-auth set, sent as the request's Cookie header. */
class Browser {
  private cookies = new Map<string, string>();
  take(h: Headers): this {
    for (const c of h.getSetCookie()) {
      const [pair = "", ...attrs] = c.split(";");
      const i = pair.indexOf("=");
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(pair.slice(0, i).trim());
      else this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1));
    }
    return this;
  }
  headers(extra: Record<string, string> = {}): Headers {
    return new Headers({ cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "), ...extra });
  }
  /** Makes this browser's request the current one, as Next's request scope would. */
  act(extra: Record<string, string> = {}): this {
    request.headers = this.headers(extra);
    return this;
  }
}

let n = 0;
async function signedIn(role: "admin" | "editor") {
  const email = `${role}${++n}@example.org`;
  const u = await createUser(db, SYSTEM_ACTOR, { email, name: `${role} ${n}`, role, password: PASSWORD });
  const r = await auth.api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
  const browser = new Browser().take(r.headers);
  const actor: Actor = { userId: u.id, label: email, role };
  return { id: u.id, email, browser, actor };
}

/** Turns two-step sign-in on for a signed-in user, as the enrolment page does through better-auth. */
async function enrol(b: Browser) {
  const r = await auth.api.enableTwoFactor({ body: { password: PASSWORD }, headers: b.headers(), returnHeaders: true });
  b.take(r.headers);
  if (r.response.method !== "totp") throw new Error("expected totp");
  const app = OTPAuth.URI.parse(r.response.totpURI) as OTPAuth.TOTP;
  b.take((await auth.api.verifyTOTP({ body: { code: app.generate() }, headers: b.headers(), returnHeaders: true })).headers);
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function api(h: unknown, method: string, headers: Headers, body?: unknown) {
  headers.set("sec-fetch-site", "same-origin");
  if (body !== undefined) headers.set("content-type", "application/json");
  const res = await (h as Handler)(new Request("http://localhost:3000/api/v1/x", { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve({}) });
  return { status: res.status, json: (await res.json()) as { error?: { code: string; message: string } } };
}

const noop = async () => "ran";
const redirectOf = async (p: Promise<unknown>) => p.then(() => null, (e: { digest?: string }) => e.digest?.split(";")[2] ?? "not a redirect");

describe("[ACCOUNTS] two-step sign-in required for administrators", () => {
  it("is off by default: an admin without two-step sign-in acts as before", async () => {
    const admin = await signedIn("admin");
    expect(await adminTwoFactorRequired(db)).toBe(false);
    admin.browser.act();
    expect(await runCommand("admin", noop)).toEqual({ ok: true, data: "ran" });
    expect((await api(tokensRoute.POST, "POST", admin.browser.headers(), { name: "by default", role: "viewer" })).status).toBe(201);
  });

  it("turning it on is refused to an admin without their own two-step sign-in, and audited when it changes", async () => {
    const without = await signedIn("admin");
    await expect(setAdminTwoFactorRequired(db, without.actor, true)).rejects.toThrow(OWN_TWO_FACTOR_FIRST);
    // The admin page words the refusal by its reason, not by the English sentence.
    await expect(setAdminTwoFactorRequired(db, without.actor, true)).rejects.toMatchObject({ code: "forbidden", details: { reason: REFUSAL_REASONS.ownTwoFactorFirst } });
    // The shell is no one: it cannot turn it on either.
    expect(await userCommand(db, ["require-2fa", "on"])).toMatchObject({ code: 2 });
    expect(await adminTwoFactorRequired(db)).toBe(false);
    expect(await db.select().from(setting).where(eq(setting.key, REQUIRE_ADMIN_TWO_FACTOR))).toHaveLength(0);

    const enrolled = await signedIn("admin");
    await enrol(enrolled.browser);
    expect(await setAdminTwoFactorRequired(db, enrolled.actor, true)).toEqual({ changed: true });
    expect(await setAdminTwoFactorRequired(db, enrolled.actor, true)).toEqual({ changed: false });
    expect(await adminTwoFactorRequired(db)).toBe(true);
    const events = await db.select().from(auditEvent).where(and(eq(auditEvent.recordType, "setting"), eq(auditEvent.recordId, REQUIRE_ADMIN_TWO_FACTOR)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: "update", actorLabel: enrolled.email, before: { requireAdminTwoFactor: false }, after: { requireAdminTwoFactor: true } });
    await setAdminTwoFactorRequired(db, enrolled.actor, false);
  });

  it("while on, an admin without it can only enrol: pages go to enrolment, actions and session API calls are 403; after enrolling all opens", async () => {
    const boss = await signedIn("admin");
    await enrol(boss.browser);
    const late = await signedIn("admin");
    const editor = await signedIn("editor");
    // A token the late admin made before: a credential of its own, it keeps working (README).
    const { token } = await createApiToken(db, late.actor, { name: "late admin's integration", role: "admin" });
    await setAdminTwoFactorRequired(db, boss.actor, true);

    // Already signed in before it was turned on: the very next request is held.
    late.browser.act();
    expect(await redirectOf(requireUser("admin"))).toBe("/account/two-factor");
    expect(await redirectOf(requireUser("read"))).toBe("/account/two-factor");
    // Only the enrolment page (and the shell around it) pass.
    expect((await requireUser("read", { allowTwoFactorEnrolment: true })).mustEnrolTwoFactor).toBe(true);
    const refused = await runCommand("admin", noop);
    expect(refused).toEqual({ ok: false, error: { code: "forbidden", message: expect.stringContaining("Two-step sign-in is required for administrators") as string } });
    expect(await runCommand("read", noop, { whileTwoFactorEnrolmentRequired: true })).toEqual({ ok: true, data: "ran" });
    // In the reader's language.
    late.browser.act({ cookie: `${late.browser.headers().get("cookie")}; bh_locale=ko` });
    expect(await runCommand("write", noop)).toMatchObject({ ok: false, error: { message: expect.stringContaining("관리자는 2단계 로그인을 사용해야 합니다") as string } });

    for (const [h, method, body] of [[tokensRoute.POST, "POST", { name: "while required", role: "viewer" }], [tokensRoute.GET, "GET", undefined], [meRoute.GET, "GET", undefined]] as const) {
      const r = await api(h, method, late.browser.headers(), body);
      expect(r.status).toBe(403);
      expect(r.json.error).toEqual({ code: "forbidden", message: expect.stringContaining("/account/two-factor") as string });
    }
    expect((await api(tokensRoute.POST, "POST", new Headers({ authorization: `Bearer ${token}` }), { name: "by token", role: "viewer" })).status).toBe(201);

    // Other roles and enrolled admins are not affected.
    editor.browser.act();
    expect(await runCommand("write", noop)).toEqual({ ok: true, data: "ran" });
    boss.browser.act();
    expect(await runCommand("admin", noop)).toEqual({ ok: true, data: "ran" });
    expect((await api(tokensRoute.POST, "POST", boss.browser.headers(), { name: "by the boss", role: "viewer" })).status).toBe(201);

    await enrol(late.browser);
    late.browser.act();
    expect((await requireUser("admin")).mustEnrolTwoFactor).toBe(false);
    expect(await runCommand("admin", noop)).toEqual({ ok: true, data: "ran" });
    expect((await api(tokensRoute.POST, "POST", late.browser.headers(), { name: "after enrolling", role: "viewer" })).status).toBe(201);
    await setAdminTwoFactorRequired(db, boss.actor, false);
  });

  it("a temporary password comes first, then the enrolment", async () => {
    const boss = await signedIn("admin");
    await enrol(boss.browser);
    const fresh = await createUser(db, SYSTEM_ACTOR, { email: "fresh-admin@example.org", name: "Fresh", role: "admin", password: PASSWORD }, { mustChangePassword: true });
    const b = new Browser().take((await auth.api.signInEmail({ body: { email: fresh.email, password: PASSWORD }, headers: new Headers(), returnHeaders: true })).headers);
    await setAdminTwoFactorRequired(db, boss.actor, true);
    b.act();
    expect(await redirectOf(requireUser("read", { allowTwoFactorEnrolment: true }))).toBe("/account/password");
    // The password page passes: no loop between the two pages.
    expect((await requireUser("read", { allowTemporaryPassword: true })).mustEnrolTwoFactor).toBe(true);
    expect(await runCommand("read", noop, { whilePasswordChangeRequired: true })).toEqual({ ok: true, data: "ran" });
    expect(await runCommand("read", noop, { whileTwoFactorEnrolmentRequired: true })).toMatchObject({ ok: false, error: { message: "Change your temporary password first." } });
    await setAdminTwoFactorRequired(db, boss.actor, false);
  });

  it("an operator locked out turns it off from the shell (audited as cli), and reset-2fa still lets an admin back in", async () => {
    const boss = await signedIn("admin");
    await enrol(boss.browser);
    await setAdminTwoFactorRequired(db, boss.actor, true);
    expect((await userCommand(db, ["require-2fa", "status"])).out).toEqual(["Two-step sign-in is required for administrators."]);

    // The admin lost phone and codes: reset from the shell, then the password opens the enrolment only.
    expect(await userCommand(db, ["reset-2fa", boss.email])).toMatchObject({ code: 0 });
    const b = new Browser().take((await auth.api.signInEmail({ body: { email: boss.email, password: PASSWORD }, headers: new Headers(), returnHeaders: true })).headers);
    b.act();
    expect(await redirectOf(requireUser("admin"))).toBe("/account/two-factor");
    expect(await runCommand("read", noop, { whileTwoFactorEnrolmentRequired: true })).toEqual({ ok: true, data: "ran" });

    expect(await userCommand(db, ["require-2fa", "off"])).toEqual({ code: 0, out: ["Two-step sign-in is no longer required for administrators."], err: [] });
    expect(await adminTwoFactorRequired(db)).toBe(false);
    expect((await requireUser("admin")).email).toBe(boss.email);
    const [ev] = await db.select().from(auditEvent).where(and(eq(auditEvent.recordId, REQUIRE_ADMIN_TWO_FACTOR), eq(auditEvent.actorLabel, "cli")));
    expect(ev).toMatchObject({ before: { requireAdminTwoFactor: true }, after: { requireAdminTwoFactor: false } });
    expect((await userCommand(db, ["require-2fa", "off"])).out).toEqual(["Two-step sign-in was not required for administrators."]);
    expect((await userCommand(db, ["require-2fa", "status"])).out).toEqual(["Two-step sign-in is not required for administrators."]);
  });
});
