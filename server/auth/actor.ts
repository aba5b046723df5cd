import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { findSessionUser } from "@/db/queries/admin-two-factor";
import { readClientIp } from "@/lib/client-ip";
import type { Role } from "@/lib/domain";
import { getLiveSession } from "./session";

// Who is calling: the one home of the session → user lookup, the caller's address and the
// logging of unexpected errors, for pages and server actions (guard.ts, action.ts) as for
// route handlers (server/http.ts).

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
  /** Two-step sign-in is required for admins and this admin has not turned it on: enrol only. */
  mustEnrolTwoFactor: boolean;
}

/** The signed-in, active user of these request headers, read fresh so role changes apply at once. */
export async function userFromHeaders(headers: Headers, db: Db): Promise<CurrentUser | null> {
  const s = await getLiveSession(headers);
  if (!s) return null;
  const row = await findSessionUser(db, s.user.id);
  if (!row || row.banned) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, mustChangePassword: row.mustChangePassword, mustEnrolTwoFactor: row.mustEnrolTwoFactor };
}

/**
 * The caller's address, as our server resolved it from the socket and TRUSTED_PROXIES
 * (scripts/next-server.ts). Never X-Forwarded-For itself: a client can write anything there.
 */
export function callerIp(headers: Headers): string | null {
  return readClientIp(headers);
}

export function actorOf(u: CurrentUser, ip?: string | null): Actor {
  return { userId: u.id, label: u.email, role: u.role, ip: ip ?? null };
}

/** Logs an unexpected error with a short reference, which the answer shows instead of the details. */
export function logUnexpected(e: unknown): string {
  const id = crypto.randomUUID().slice(0, 8);
  console.error(`[error ${id}]`, e);
  return id;
}
