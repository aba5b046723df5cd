"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { setAdminTwoFactorRequired } from "@/db/queries/admin-two-factor";
import { createUser, resetUserPassword, resetUserTwoFactor, setUserActive, setUserRole } from "@/db/queries/users";
import { formText } from "@/lib/form-data";
import { runCommand } from "@/server/auth/command";
import type { CommandResult } from "@/lib/types/command";
import { UserError } from "@/lib/errors";
import { localFieldErrors } from "@/lib/validation/local-errors";
import { parseInput } from "@/lib/validation/common";
import { requireAdminTwoFactorSchema } from "@/lib/validation/users";

export interface FormState {
  error?: string;
  fields?: Record<string, string[]>;
  done?: string;
  /** What was typed, so a refused form keeps it (React resets forms after an action). */
  values?: Record<string, string>;
}

const str = formText;

/** The queries speak English to the CLI; the screen speaks the viewer's language. */
async function toState<T>(res: CommandResult<T>, done: string): Promise<FormState> {
  if (res.ok) {
    revalidatePath("/admin/users");
    return { done };
  }
  const t = await getTranslations("admin");
  if (res.error.message.startsWith("This is the last active admin")) return { error: t("lastAdmin") };
  if (res.error.code === "validation_failed") return { error: t("fixFields"), fields: await localFieldErrors(res.error.fields) };
  return { error: res.error.message };
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
    await createUser(db, actor, { name: input.name, email: input.email, role: input.role, password: input.password }, { mustChangePassword: true });
    return { email: input.email };
  });
  if (res.ok) revalidatePath("/admin/users");
  return res;
}

export async function changeRole(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("admin");
  const res = await runCommand("admin", ({ db, actor }) => setUserRole(db, actor, { userId: str(form, "userId"), role: str(form, "role") }));
  return toState(res, t("roleChanged"));
}

export async function resetPassword(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("admin");
  const res = await runCommand("admin", ({ db, actor }) => resetUserPassword(db, actor, { userId: str(form, "userId"), password: str(form, "password") }));
  return toState(res, t("passwordReset"));
}

export async function setActive(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("admin");
  const active = str(form, "active") === "true";
  const res = await runCommand("admin", async ({ db, actor, user }) => {
    const id = str(form, "userId") ?? "";
    // Locking oneself out is never what an admin means to do.
    if (!active && id === user.id) throw new UserError("bad_request", t("notYourself"));
    return setUserActive(db, actor, id, active);
  });
  return toState(res, active ? t("reactivated") : t("deactivated", { tokens: res.ok ? res.data.revokedTokens : 0 }));
}

/** For a lost phone: an admin turns someone's two-step sign-in off (audited); they enrol again. */
export async function resetTwoFactor(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("twoFactor.admin");
  const email = str(form, "email") ?? "";
  const res = await runCommand("admin", async ({ db, actor, user }) => {
    const id = str(form, "userId") ?? "";
    if (id === user.id) throw new UserError("bad_request", t("notYourself"));
    const r = await resetUserTwoFactor(db, actor, id);
    if (!r.wasEnabled) throw new UserError("bad_request", t("notOn"));
  });
  return toState(res, t("resetDone", { email }));
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
