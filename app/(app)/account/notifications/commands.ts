"use server";
import { getTranslations } from "next-intl/server";
import { setMailPreference } from "@/db/queries/mail-queue";
import { getNotificationSettings } from "@/db/queries/notification-settings";
import { runCommand } from "@/server/auth/command";
import { UserError } from "@/lib/errors";
import type { CommandResult } from "@/lib/types/command";
import { fieldErrors } from "@/lib/validation/common";
import { mailPreferenceSchema } from "@/lib/validation/notifications";

export interface MailPreferenceInput {
  mail: string;
}

/** Every signed-in user may choose their own mail preference (read permission). */
export async function saveMailPreference(input: MailPreferenceInput): Promise<CommandResult<void>> {
  const t = await getTranslations("notifications");
  return runCommand("read", async ({ db, user }) => {
    const parsed = mailPreferenceSchema.safeParse({ mail: input?.mail });
    // The choice is one set of radios: the form names it (its legend) rather than a field.
    if (!parsed.success) throw new UserError("validation_failed", t("pref.legend"), { fields: fieldErrors(parsed.error) });
    const { digestHour } = await getNotificationSettings(db);
    await setMailPreference(db, { userId: user.id, mail: parsed.data.mail, digestHour });
  });
}
