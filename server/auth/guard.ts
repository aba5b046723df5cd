import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/db";
import { can, type Permission } from "@/lib/permissions";
import { callerIp, userFromHeaders, type CurrentUser } from "./actor";


/** The signed-in, active user of this request (one lookup per request, whoever asks). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userFromHeaders(await headers(), getDb()));

/** The caller's address for this request (see callerIp). */
export async function clientIp(): Promise<string | null> {
  return callerIp(await headers());
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
