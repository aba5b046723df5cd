import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { mayTurnOffTwoFactor } from "@/db/queries/admin-two-factor";
import { twoFactorEnabled } from "@/db/queries/users";
import { requireUser } from "@/server/auth/guard";
import { DisableForm } from "./disable-form";
import { EnrolFlow } from "./enrol-flow";

export const metadata: Metadata = { title: "Two-step sign-in" };

export default async function Page() {
  const user = await requireUser("read", { allowTwoFactorEnrolment: true });
  const t = await getTranslations("twoFactor");
  const db = getDb();
  const on = await twoFactorEnabled(db, user.id);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("lead")} />
      {user.mustEnrolTwoFactor ? <Alert tone="warning">{t("required.explain")}</Alert> : null}
      {on ? (
        <>
          <Alert tone="success">{t("isOn")}</Alert>
          {(await mayTurnOffTwoFactor(db, user.id)) ? (
            <Card title={t("disableTitle")} id="disable">
              <p className="mb-4 text-sm text-slate-700">{t("disableLead")}</p>
              <DisableForm />
            </Card>
          ) : (
            <p className="text-sm text-slate-700">{t("required.keepOn")}</p>
          )}
        </>
      ) : (
        <Card title={t("enrolTitle")} id="enrol">
          <EnrolFlow />
        </Card>
      )}
    </div>
  );
}
