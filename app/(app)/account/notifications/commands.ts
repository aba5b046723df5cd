"use server";
import { getTranslations } from "next-intl/server";
import { setMailPreference } from "@/db/queries/mail-queue";
import { getNotificationSettings } from "@/db/queries/notification-settings";
import { runCommand } from "@/server/auth/command";
import { UserError } from "@/lib/errors";
import { formText } from "@/lib/form-data";
import { mailPreferenceSchema } from "@/lib/validation/notifications";

export interface MailPreferenceState {
  error?: string;
  done?: boolean;
}

/** Every signed-in user may choose their own mail preference (read permission). */
export async function saveMailPreference(_prev: MailPreferenceState, form: FormData): Promise<MailPreferenceState> {
  const t = await getTranslations("notifications");
  const res = await runCommand("read", async ({ db, user }) => {
    const parsed = mailPreferenceSchema.safeParse({ mail: formText(form, "mail") });
    if (!parsed.success) throw new UserError("validation_failed", t("pref.legend"));
    const { digestHour } = await getNotificationSettings(db);
    await setMailPreference(db, { userId: user.id, mail: parsed.data.mail, digestHour });
  });
  return res.ok ? { done: true } : { error: res.error.message };
}
