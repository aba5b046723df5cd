"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { recordPasswordChanged } from "@/db/queries/users";
import { formText } from "@/lib/form-data";
import { runCommand } from "@/server/auth/command";
import { clearCurrentPasswordChecks, reserveCurrentPasswordCheck } from "@/server/auth/rate-limit";
import { getAuth } from "@/server/auth/server";
import { UserError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/common";
import { localFieldErrors } from "@/lib/validation/local-errors";
import { changePasswordSchema } from "@/lib/validation/users";

export interface ChangePasswordState {
  error?: string;
  fields?: Record<string, string[]>;
  done?: boolean;
}

export async function changePassword(_prev: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const t = await getTranslations("account");
  const res = await runCommand(
    "read",
    async ({ db, actor, user }) => {
      const parsed = changePasswordSchema.safeParse({
        currentPassword: formText(form, "currentPassword"),
        newPassword: formText(form, "newPassword"),
        confirm: formText(form, "confirm"),
      });
      if (!parsed.success) throw new UserError("validation_failed", t("fixFields"), { fields: await localFieldErrors(fieldErrors(parsed.error)) });
      const v = parsed.data;
      if (v.newPassword === v.currentPassword) throw new UserError("validation_failed", t("fixFields"), { fields: { newPassword: [t("sameAsOld")] } });
      // Counted before the check, like sign-in: parallel guesses cannot slip past the limit.
      const reserved = await reserveCurrentPasswordCheck(db, user.id);
      if ("blockedMinutes" in reserved) throw new UserError("rate_limited", t("tooManyCurrent", { minutes: reserved.blockedMinutes }));
      try {
        // better-auth checks the current password and rehashes; other sessions end.
        await getAuth().api.changePassword({
          body: { currentPassword: v.currentPassword, newPassword: v.newPassword, revokeOtherSessions: true },
          headers: await headers(),
        });
      } catch (e) {
        if (e instanceof APIError) throw new UserError("validation_failed", t("fixFields"), { fields: { currentPassword: [t("wrongCurrent")] } });
        throw e;
      }
      await clearCurrentPasswordChecks(db, user.id);
      await recordPasswordChanged(db, actor, user.id);
      return { wasForced: user.mustChangePassword };
    },
    { whilePasswordChangeRequired: true },
  );
  if (!res.ok) return { error: res.error.message, fields: res.error.fields };
  if (res.data.wasForced) redirect("/");
  return { done: true };
}
