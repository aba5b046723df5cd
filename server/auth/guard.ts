import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import type { Actor } from "@/db/audit";
import { findSessionUser } from "@/db/queries/admin-two-factor";
import { readClientIp } from "@/lib/client-ip";
import type { Role } from "@/lib/domain";
import { can, type Permission } from "@/lib/permissions";
import { getLiveSession } from "./session";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
  /** Two-step sign-in is required for admins and this admin has not turned it on: enrol only. */
  mustEnrolTwoFactor: boolean;
}

/** The signed-in, active user of this request, read fresh so role changes apply at once. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const h = await headers();
  const s = await getLiveSession(h);
  if (!s) return null;
  const row = await findSessionUser(getDb(), s.user.id);
  if (!row || row.banned) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: row.mustChangePassword, mustEnrolTwoFactor: row.mustEnrolTwoFactor };
});

/**
 * The caller's address, as our server resolved it from the socket and TRUSTED_PROXIES
 * (scripts/next-server.ts). Never X-Forwarded-For itself: a client can write anything there.
 */
export async function clientIp(): Promise<string | null> {
  return readClientIp(await headers());
}

export function actorOf(u: CurrentUser, ip?: string | null): Actor {
  return { userId: u.id, label: u.email, role: u.role, ip: ip ?? null };
}

export const PASSWORD_PATH = "/account/password";
export const TWO_FACTOR_PATH = "/account/two-factor";

/**
 * For pages and layouts: signed out goes to sign-in; a temporary password must be changed
 * before any page is shown (only the password page itself, and the shell around it, pass
 * `allowTemporaryPassword`); then an admin who must enrol in two-step sign-in sees only the
 * enrolment page (and the shell: `allowTwoFactorEnrolment`); a missing permission is a 403 page.
 */
export async function requireUser(
  permission: Permission = "read",
  opts: { allowTemporaryPassword?: boolean; allowTwoFactorEnrolment?: boolean } = {},
): Promise<CurrentUser> {
  const u = await getCurrentUser();
  if (!u) redirect("/login");
  if (u.mustChangePassword && !opts.allowTemporaryPassword) redirect(PASSWORD_PATH);
  // The password comes first (its page passes the check above), then the enrolment.
  if (u.mustEnrolTwoFactor && !u.mustChangePassword && !opts.allowTwoFactorEnrolment) redirect(TWO_FACTOR_PATH);
  if (!can(u.role, permission)) forbidden();
  return u;
}
