import { getTranslations } from "next-intl/server";
import { FileUp } from "lucide-react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { getDb } from "@/db";
import { undeclaredGiftCounts } from "@/db/queries/exchange-rates";
import { partnerOptions } from "@/db/queries/partners";
import { actionOwnerOptions } from "@/db/queries/actions";
import { listCalendarTokens } from "@/db/queries/tokens";
import { requireUser } from "@/server/auth/guard";
import { can } from "@/lib/permissions";
import { formatInstant } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { CalendarFeeds } from "./_components/calendar-feeds";
import { ExportForm } from "./_components/export-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("reports.title");

export default async function ReportsPage() {
  const user = await requireUser("export");
  const db = getDb();
  const [t, locale, { zone }] = await Promise.all([getTranslations("reports"), viewerLocale(), viewerTimeZone()]);
  const [partners, owners, tokens, undeclared] = await Promise.all([
    partnerOptions(db),
    actionOwnerOptions(db),
    listCalendarTokens(db, user.id),
    undeclaredGiftCounts(db),
  ]);
  const partnerList = partners.map((p) => ({ id: p.id, label: locale === "ko" ? p.nameKo : p.nameEn }));
  const feeds = tokens.map((tk) => ({
    id: tk.id,
    name: tk.name,
    prefix: tk.prefix,
    partner: partnerList.find((p) => p.id === tk.partnerId)?.label ?? null,
    createdAt: formatInstant(tk.createdAt, zone, locale),
    lastUsedAt: tk.lastUsedAt ? formatInstant(tk.lastUsedAt, zone, locale) : null,
    revoked: tk.revokedAt !== null,
  }));
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        link={can(user.role, "write") ? { href: "/reports/import", label: t("import.link"), icon: FileUp, variant: "secondary" } : null}
      />
      {undeclared.declare || undeclared.noRate ? (
        <Alert tone="warning" className="mb-6" title={t("declaration.alertTitle")}>
          {undeclared.declare ? <p>{t("declaration.mustDeclare", { n: undeclared.declare })}</p> : null}
          {undeclared.noRate ? <p>{t("declaration.noRateCount", { n: undeclared.noRate })}</p> : null}
        </Alert>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t("exportTitle")} id="export">
          <ExportForm
            partners={partnerList}
            owners={owners.map((o) => ({ id: o.id, label: o.nameLocal ? `${o.nameEn} (${o.nameLocal})` : o.nameEn }))}
            isAdmin={can(user.role, "admin")}
            locale={locale}
          />
        </Card>
        <Card title={t("calendar.title")} id="calendar">
          <CalendarFeeds partners={partnerList} feeds={feeds} />
        </Card>
      </div>
    </>
  );
}
