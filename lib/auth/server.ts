import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { getDb } from "@/db";
import * as schema from "@/db/schema";
import { eq } from "drizzle-orm";
import { CLIENT_IP_HEADER } from "@/lib/client-ip";
import { servesHttps } from "@/lib/https";
import { authBaseUrl, authSecret } from "./secret";

function createAuth() {
  const baseURL = authBaseUrl();
  return betterAuth({
    appName: "Bridgehead",
    baseURL,
    secret: authSecret(),
    database: drizzleAdapter(getDb(), {
      provider: "sqlite",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification },
    }),
    // Accounts are created by an admin (web or CLI), never by sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    // Sliding: a week idle ends it. Absolute: SESSION_MAX_AGE_MS after sign-in (getLiveSession).
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      useSecureCookies: servesHttps(),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The session's address comes from our server's resolution, never a client's X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    // Sign-in is rate limited by lib/auth/rate-limit.ts per account and per IP.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: [admin({ defaultRole: "viewer", adminRoles: ["admin"] }), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const g = globalThis as unknown as { __bridgeheadAuth?: Auth };

/** The better-auth instance, created on first use (not during `next build`). */
export function getAuth(): Auth {
  g.__bridgeheadAuth ??= createAuth();
  return g.__bridgeheadAuth;
}

/** However active, a session ends this long after its sign-in; then the password is asked again. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60_000;

export function sessionOutlived(createdAt: Date, now = Date.now()): boolean {
  return now - createdAt.getTime() > SESSION_MAX_AGE_MS;
}

/** better-auth's session for these headers, unless it has outlived SESSION_MAX_AGE_MS (then it is deleted). */
export async function getLiveSession(headers: Headers) {
  const s = await getAuth().api.getSession({ headers });
  if (!s) return null;
  if (sessionOutlived(new Date(s.session.createdAt))) {
    getDb().delete(schema.session).where(eq(schema.session.id, s.session.id)).run();
    return null;
  }
  return s;
}
