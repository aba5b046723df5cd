"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { createUser, resetUserPassword, setUserActive, setUserRole } from "@/db/queries/users";
import { formText } from "@/lib/form-data";
import { runAction, type ActionResult } from "@/lib/auth/action";
import { UserError } from "@/lib/errors";
import { localFieldErrors } from "@/lib/validation/local-errors";

export interface FormState {
  error?: string;
  fields?: Record<string, string[]>;
  done?: string;
  /** What was typed, so a refused form keeps it (React resets forms after an action). */
  values?: Record<string, string>;
}

const str = formText;

/** The queries speak English to the CLI; the screen speaks the viewer's language. */
async function toState<T>(res: ActionResult<T>, done: string): Promise<FormState> {
  if (res.ok) {
    revalidatePath("/admin/users");
    return { done };
  }
  const t = await getTranslations("admin");
  if (res.error.message.startsWith("This is the last active admin")) return { error: t("lastAdmin") };
  if (res.error.code === "validation_failed") return { error: t("fixFields"), fields: await localFieldErrors(res.error.fields) };
  return { error: res.error.message };
}

export async function inviteUser(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("admin");
  const email = str(form, "email");
  const res = await runAction("admin", ({ db, actor }) =>
    createUser(db, actor, { name: str(form, "name"), email, role: str(form, "role"), password: str(form, "password") }, { mustChangePassword: true }),
  );
  const state = await toState(res, t("invited", { email: email ?? "" }));
  return res.ok ? state : { ...state, values: { name: str(form, "name") ?? "", email: email ?? "", role: str(form, "role") ?? "viewer" } };
}

export async function changeRole(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("admin");
  const res = await runAction("admin", ({ db, actor }) => setUserRole(db, actor, { userId: str(form, "userId"), role: str(form, "role") }));
  return toState(res, t("roleChanged"));
}

export async function resetPassword(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("admin");
  const res = await runAction("admin", ({ db, actor }) => resetUserPassword(db, actor, { userId: str(form, "userId"), password: str(form, "password") }));
  return toState(res, t("passwordReset"));
}

export async function setActive(_prev: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations("admin");
  const active = str(form, "active") === "true";
  const res = await runAction("admin", async ({ db, actor, user }) => {
    const id = str(form, "userId") ?? "";
    // Locking oneself out is never what an admin means to do.
    if (!active && id === user.id) throw new UserError("bad_request", t("notYourself"));
    return setUserActive(db, actor, id, active);
  });
  return toState(res, active ? t("reactivated") : t("deactivated", { tokens: res.ok ? res.data.revokedTokens : 0 }));
}
