import "server-only";
import { cookies } from "next/headers";
import { createTranslator } from "next-intl";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { Actor } from "@/db/audit";
import { LOCALE_COOKIE, loadMessages } from "@/i18n/request";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { isUserError } from "@/lib/errors";
import { DEFAULT_LOCALE, isLocale } from "@/lib/format";
import { actorOf, logUnexpected, type CurrentUser } from "./actor";
import { clientIp, getCurrentUser } from "./guard";
import { can, type Permission } from "@/lib/permissions";
import type { CommandError, CommandResult } from "@/lib/types/command";


/**
 * The one wrapper of every server action: who is calling, may they (the permission table),
 * run (the query validates with the shared zod schema and audits in its transaction), answer.
 * A page-level check does not protect the actions inside it; this does.
 */
export async function runCommand<T>(
  permission: Permission,
  fn: (ctx: { db: Db; actor: Actor; user: CurrentUser }) => Promise<T>,
  opts: RunOptions = {},
): Promise<CommandResult<T>> {
  try {
    return await checkedRun(permission, fn, opts);
  } catch (e) {
    // Also the session look-up before the action: without the database the form says so.
    if (isDatabaseUnavailable(e)) return { ok: false, error: { code: "unavailable", message: await readerMessage("database.unavailable") } };
    throw e;
  }
}

type RunOptions = { whilePasswordChangeRequired?: boolean; whileTwoFactorEnrolmentRequired?: boolean };

async function checkedRun<T>(permission: Permission, fn: (ctx: { db: Db; actor: Actor; user: CurrentUser }) => Promise<T>, opts: RunOptions): Promise<CommandResult<T>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: { code: "unauthorized", message: "Your session has ended. Sign in again." } };
  // A temporary password only opens the password-change form, for actions as for pages.
  if (user.mustChangePassword && !opts.whilePasswordChangeRequired)
    return { ok: false, error: { code: "forbidden", message: "Change your temporary password first." } };
  // Two-step sign-in required for admins: such an admin can only enrol (after the password above).
  if (user.mustEnrolTwoFactor && !user.mustChangePassword && !opts.whileTwoFactorEnrolmentRequired)
    return { ok: false, error: { code: "forbidden", message: await readerMessage("twoFactor.required.refused") } };
  if (!can(user.role, permission))
    return { ok: false, error: { code: "forbidden", message: "Your role does not allow this change." } };
  try {
    const data = await fn({ db: getDb(), actor: actorOf(user, await clientIp()), user });
    return { ok: true, data };
  } catch (e) {
    if (isDatabaseUnavailable(e)) throw e;
    return { ok: false, error: toCommandError(e) };
  }
}

/** In the reader's language: a form shows it as it is (read from the cookie, as i18n/request.ts does). */
async function readerMessage(key: string): Promise<string> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: loadMessages(locale) as never }) as unknown as (key: string) => string;
  return t(key);
}

export function toCommandError(e: unknown): CommandError {
  if (isUserError(e)) return { code: e.code, message: e.message, fields: e.fields, details: e.details };
  const id = logUnexpected(e);
  return { code: "internal", message: `Something went wrong on our side (reference ${id}). Nothing was saved.` };
}
