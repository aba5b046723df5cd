import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PartnerNames } from "@/components/partners/partner-names";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listPartners } from "@/db/queries/partners";
import { requireUser } from "@/lib/auth/guard";
import { daysSince, formatPrecisionDate } from "@/lib/format";
import { viewerLocale } from "@/lib/viewer";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage() {
  await requireUser();
  const [t, te, tl, locale] = await Promise.all([
    getTranslations("partners"),
    getTranslations("enums"),
    getTranslations("common"),
    viewerLocale(),
  ]);
  const partners = await listPartners(getDb());
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Table caption={t("title")}>
        <thead>
          <tr>
            <Th>{t("name")}</Th>
            <Th>{t("since")}</Th>
            <Th>{t("level")}</Th>
            <Th>{t("status")}</Th>
            <Th className="text-right">{t("meetings")}</Th>
            <Th className="text-right">{t("openActions")}</Th>
            <Th>{t("lastContact")}</Th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr key={p.id}>
              <Td>
                <Link href={`/partners/${p.slug}`} className="text-brand-700 underline-offset-2 hover:underline">
                  <PartnerNames p={p} locale={locale} />
                </Link>
              </Td>
              <Td className="whitespace-nowrap">{p.sincePrecision ? formatPrecisionDate(p.sinceDate, p.sincePrecision, locale) : "—"}</Td>
              <Td>{te(`level.${p.level}`)}</Td>
              <Td>
                <PartnerStatusBadge status={p.status} />
              </Td>
              <Td className="text-right tabular-nums">{p.meetingCount}</Td>
              <Td className="text-right tabular-nums">{p.openActionCount}</Td>
              <Td className="whitespace-nowrap">{p.lastContactAt ? tl("daysAgo", { days: daysSince(p.lastContactAt) }) : t("never")}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
