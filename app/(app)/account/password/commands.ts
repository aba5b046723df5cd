"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { recordPasswordChanged } from "@/db/queries/users";
import type { CommandResult } from "@/lib/types/command";
import { runCommand } from "@/server/auth/command";
import { clearCurrentPasswordChecks, reserveCurrentPasswordCheck } from "@/server/auth/rate-limit";
import { getAuth } from "@/server/auth/server";
import { UserError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/common";
import { messageKey } from "@/lib/validation/message-key";
import { changePasswordSchema } from "@/lib/validation/users";

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes the signed-in user's password; `wasForced` when it replaced a temporary one (the form then opens the app). */
export async function changePassword(input: ChangePasswordInput): Promise<CommandResult<{ wasForced: boolean }>> {
  const t = await getTranslations("account");
  const res = await runCommand(
    "read",
    async ({ db, actor, user }) => {
      const parsed = changePasswordSchema.safeParse({
        currentPassword: text(input?.currentPassword),
        newPassword: text(input?.newPassword),
        confirm: text(input?.confirm),
      });
      if (!parsed.success) throw new UserError("validation_failed", t("fixFields"), { fields: fieldErrors(parsed.error) });
      const v = parsed.data;
      if (v.newPassword === v.currentPassword) throw new UserError("validation_failed", t("fixFields"), { fields: { newPassword: [messageKey("passwordSameAsOld")] } });
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
        if (e instanceof APIError) throw new UserError("validation_failed", t("fixFields"), { fields: { currentPassword: [messageKey("wrongCurrentPassword")] } });
        throw e;
      }
      await clearCurrentPasswordChecks(db, user.id);
      await recordPasswordChanged(db, actor, user.id);
      return { wasForced: user.mustChangePassword };
    },
    { whilePasswordChangeRequired: true },
  );
  return res;
}

const text = (v: unknown) => (typeof v === "string" ? v : "");
