"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { setAdminTwoFactorRequired } from "@/db/queries/admin-two-factor";
import { createUser, resetUserPassword, resetUserTwoFactor, setUserActive, setUserRole } from "@/db/queries/users";
import { runCommand } from "@/server/auth/command";
import type { CommandResult } from "@/lib/types/command";
import { UserError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { requireAdminTwoFactorSchema } from "@/lib/validation/users";

/** Redraws the users table after a change the command made. */
function redrawn<T>(res: CommandResult<T>): CommandResult<T> {
  if (res.ok) revalidatePath("/admin/users");
  return res;
}

/** The invite form's input; the query checks it (`createUserSchema`, with the password rules). */
export interface InviteInput {
  name: string;
  email: string;
  role: string;
  password: string;
}

/**
 * Invites a colleague with a temporary password they must change at first sign-in. Answers
 * `CommandResult`: field errors are message keys, worded in the browser by the form kit.
 */
export async function inviteUser(input: InviteInput) {
  const res = await runCommand("admin", async ({ db, actor }) => {
    // Fuzzed or forged calls may send anything; the query refuses what is not an invite.
    const { name, email, role, password } = (input ?? {}) as Partial<InviteInput>;
    const created = await createUser(db, actor, { name, email, role, password }, { mustChangePassword: true });
    return { email: typeof email === "string" ? email : created.email };
  });
  if (res.ok) revalidatePath("/admin/users");
  return res;
}

// The per-user controls. Each answers `CommandResult`; a refusal to demote or deactivate the last
// active admin carries `details.reason` (`REFUSAL_REASONS.lastAdmin`), which the page words.

export async function changeRole(input: { userId: string; role: string }) {
  return redrawn(await runCommand("admin", async ({ db, actor }) => void (await setUserRole(db, actor, input))));
}

export async function resetPassword(input: { userId: string; password: string }) {
  return redrawn(await runCommand("admin", ({ db, actor }) => resetUserPassword(db, actor, input)));
}

/** Deactivates (revoking the user's tokens) or reactivates a user; never the admin themselves. */
export async function setActive(input: { userId: string; active: boolean }) {
  const t = await getTranslations("admin");
  return redrawn(
    await runCommand("admin", async ({ db, actor, user }) => {
      // Locking oneself out is never what an admin means to do.
      const { userId, active } = (input ?? {}) as Partial<typeof input>;
      if (active !== true && userId === user.id) throw new UserError("bad_request", t("notYourself"));
      return setUserActive(db, actor, typeof userId === "string" ? userId : "", active === true);
    }),
  );
}

/** For a lost phone: an admin turns someone's two-step sign-in off (audited); they enrol again. */
export async function resetTwoFactor(input: { userId: string }) {
  const t = await getTranslations("twoFactor.admin");
  return redrawn(
    await runCommand("admin", async ({ db, actor, user }) => {
      const { userId } = (input ?? {}) as Partial<typeof input>;
      const id = typeof userId === "string" ? userId : "";
      if (id === user.id) throw new UserError("bad_request", t("notYourself"));
      const r = await resetUserTwoFactor(db, actor, id);
      if (!r.wasEnabled) throw new UserError("bad_request", t("notOn"));
    }),
  );
}

/**
 * Admin → Users: require two-step sign-in for admins, or stop; refused unless the admin uses it
 * (the refusal's `details.reason` is `REFUSAL_REASONS.ownTwoFactorFirst`). Answers whether it is now required.
 */
export async function setTwoFactorRequirement(input: { required?: unknown }) {
  const res = await runCommand("admin", async ({ db, actor }) => {
    const required = parseInput(requireAdminTwoFactorSchema, input).required === "on";
    await setAdminTwoFactorRequired(db, actor, required);
    return required;
  });
  if (res.ok) revalidatePath("/admin/users");
  return res;
}
