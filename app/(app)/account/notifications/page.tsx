import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getPreference } from "@/db/queries/mail-queue";
import { requireUser } from "@/server/auth/guard";
import { isNotificationKind } from "@/lib/notifications/kinds";
import { mailEnabled } from "@/lib/notifications/mail-status";
import { MailPreferenceForm } from "./mail-preference-form";

export const metadata: Metadata = { title: "Mail notifications" };

export default async function Page() {
  const user = await requireUser();
  const t = await getTranslations("notifications");
  const pref = await getPreference(getDb(), user.id);
  const muted = pref.mutedKinds.filter(isNotificationKind).map((k) => t(`kind.${k}`));
  return (
    <div className="space-y-6">
      <PageHeader title={t("pref.title")} lead={t("pref.lead")} />
      {!mailEnabled() ? <Alert tone="info">{t("pref.mailOff")}</Alert> : null}
      {muted.length ? <Alert tone="info">{t("pref.muted", { kinds: muted.join(", ") })}</Alert> : null}
      <Card>
        <MailPreferenceForm current={pref.mail} />
      </Card>
    </div>
  );
}
