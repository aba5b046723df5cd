import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { mailStatus } from "@/db/queries/mail-queue";
import { getNotificationSettings } from "@/db/queries/notification-settings";
import { requireUser } from "@/server/auth/guard";
import { formatInstant } from "@/lib/format";
import { MAIL_STATES, isNotificationKind } from "@/lib/notifications/kinds";
import { mailConfigOrNull } from "@/lib/notifications/mail-status";
import { lastPass } from "@/server/notifications/scheduler";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { AdminBack } from "../_components/admin-back";
import { ThresholdForm } from "./threshold-form";

export const metadata: Metadata = { title: "Mail status" };

export default async function Page() {
  await requireUser("admin");
  const db = getDb();
  const [t, tk, locale, { zone }, status, settings] = await Promise.all([
    getTranslations("notifications.admin"),
    getTranslations("notifications.kind"),
    viewerLocale(),
    viewerTimeZone(),
    mailStatus(db),
    getNotificationSettings(db),
  ]);
  const mail = mailConfigOrNull();
  const pass = await lastPass(db);
  return (
    <div className="space-y-6">
      <AdminBack />
      <PageHeader title={t("title")} lead={t("lead")} />
      {mail ? <Alert tone="success">{t("on", { host: mail.host, from: mail.from })}</Alert> : <Alert tone="warning">{t("off")}</Alert>}
      <p className="text-sm text-slate-700">
        {pass?.lastRunAt && pass.lastResult
          ? t("lastPass", {
              when: formatInstant(pass.lastRunAt, zone, locale),
              created: pass.lastResult.created,
              sent: pass.lastResult.mailsSent,
              failed: pass.lastResult.failedMails,
            })
          : t("noPass")}
      </p>
      <Table caption={t("state")} head={[t("state"), t("count")]}>
        <tbody>
          {MAIL_STATES.map((s) => (
            <tr key={s}>
              <Td>{t(`states.${s}`)}</Td>
              <Td>{status.counts[s] ?? 0}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <section aria-labelledby="mail-problems" className="space-y-2">
        <h2 id="mail-problems" className="text-lg font-semibold text-slate-900">
          {t("problems")}
        </h2>
        {status.problems.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <Table caption={t("problems")} stack head={[t("recipient"), t("state"), t("attempts"), t("nextAttempt"), t("lastError")]}>
            <tbody>
              {status.problems.map((p) => (
                <tr key={p.id}>
                  <Td label={t("recipient")}>
                    {p.email}
                    <br />
                    <span className="text-xs text-slate-600">
                      {isNotificationKind(p.kind) ? tk(p.kind) : p.kind}: {p.subject}
                    </span>
                  </Td>
                  <Td label={t("state")}>{t(`states.${p.state as "failed"}`)}</Td>
                  <Td label={t("attempts")}>{p.attempts}</Td>
                  <Td label={t("nextAttempt")}>{p.nextAttemptAt ? formatInstant(p.nextAttemptAt, zone, locale) : "—"}</Td>
                  <Td label={t("lastError")} className="break-all font-mono text-xs">
                    {p.error}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
      <Card>
        <h2 className="mb-1 text-lg font-semibold text-slate-900">{t("thresholds")}</h2>
        <p className="mb-4 text-sm text-slate-700">{t("thresholdsLead")}</p>
        <ThresholdForm settings={settings} />
      </Card>
    </div>
  );
}
