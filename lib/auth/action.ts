import "server-only";
import crypto from "node:crypto";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { isUserError, type ErrorCode } from "@/lib/errors";
import { actorOf, clientIp, getCurrentUser, type CurrentUser } from "./guard";
import { can, type Permission } from "./permissions";

export type ActionError = {
  code: ErrorCode | "internal";
  message: string;
  fields?: Record<string, string[]>;
  details?: Record<string, unknown>;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/**
 * The one wrapper of every server action: who is calling, may they (the permission table),
 * run (the query validates with the shared zod schema and audits in its transaction), answer.
 * A page-level check does not protect the actions inside it; this does.
 */
export async function runAction<T>(
  permission: Permission,
  fn: (ctx: { db: Db; actor: Actor; user: CurrentUser }) => Promise<T>,
  opts: { whilePasswordChangeRequired?: boolean } = {},
): Promise<ActionResult<T>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: { code: "unauthorized", message: "Your session has ended. Sign in again." } };
  // A temporary password only opens the password-change form, for actions as for pages.
  if (user.mustChangePassword && !opts.whilePasswordChangeRequired)
    return { ok: false, error: { code: "forbidden", message: "Change your temporary password first." } };
  if (!can(user.role, permission))
    return { ok: false, error: { code: "forbidden", message: "Your role does not allow this change." } };
  try {
    const data = await fn({ db: getDb(), actor: actorOf(user, await clientIp()), user });
    return { ok: true, data };
  } catch (e) {
    return { ok: false, error: toActionError(e) };
  }
}

export function toActionError(e: unknown): ActionError {
  if (isUserError(e)) return { code: e.code, message: e.message, fields: e.fields, details: e.details };
  const id = crypto.randomUUID().slice(0, 8);
  console.error(`[error ${id}]`, e);
  return { code: "internal", message: `Something went wrong on our side (reference ${id}). Nothing was saved.` };
}
