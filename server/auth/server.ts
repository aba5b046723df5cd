import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins/admin";
import { twoFactor } from "better-auth/plugins/two-factor";
import { getDb } from "@/db";
import { engineOf } from "@/db/engine";
import * as schema from "@/db/schema";
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
      provider: engineOf() === "pg" ? "pg" : "sqlite",
      schema: { user: schema.user, session: schema.session, account: schema.account, verification: schema.verification, twoFactor: schema.twoFactor },
    }),
    // Accounts are created by an admin (web or CLI), never by sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    // Sliding: a week idle ends it. Absolute: 30 days after sign-in (server/auth/session.ts).
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      useSecureCookies: servesHttps(),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // The session's address comes from our server's resolution, never a client's X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    // A pending two-step sign-in (and any other verification) is found by a hash of its cookie's
    // identifier, so a copy of the database cannot complete someone's challenge.
    verification: { storeIdentifier: "hashed" },
    // Sign-in is rate limited by server/auth/rate-limit.ts per account and per IP.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: [
      admin({ defaultRole: "viewer", adminRoles: ["admin"] }),
      // TOTP (RFC 6238: 6 digits, 30 s) and 10 encrypted one-use backup codes; no trusted devices,
      // so every sign-in asks for a code. Wrong codes also count in server/auth/rate-limit.ts.
      twoFactor({ issuer: "Bridgehead" }),
      nextCookies(),
    ],
  });
}

type Auth = ReturnType<typeof createAuth>;
const g = globalThis as unknown as { __bridgeheadAuth?: Auth };

/** The better-auth instance, created on first use (not during `next build`). */
export function getAuth(): Auth {
  g.__bridgeheadAuth ??= createAuth();
  return g.__bridgeheadAuth;
}
