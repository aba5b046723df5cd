import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Empty } from "@/components/ui/empty";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { getHomeRegion } from "@/db/queries/settings";
import { listVisits } from "@/db/queries/visit-views";
import { requireUser } from "@/server/auth/guard";
import { can } from "@/lib/permissions";
import { VISIT_DIRECTIONS, VISIT_STATUSES } from "@/lib/domain";
import { todayIn } from "@/lib/format";
import { paramsRecord, parseListParams } from "@/lib/validation/lists";
import { visitScreenSchema } from "@/lib/validation/visits";
import { viewerLocale } from "@/server/viewer";
import { visitDates } from "@/lib/visits/when";
import { VisitFilters } from "./_components/visit-filters";

export const metadata: Metadata = { title: "Visits" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VisitsPage({ searchParams }: Props) {
  const user = await requireUser();
  const raw = paramsRecord(await searchParams);
  const f = parseListParams(visitScreenSchema, raw);
  const db = getDb();
  const [t, locale, home] = await Promise.all([getTranslations("visits"), viewerLocale(), getHomeRegion(db)]);
  const partners = await partnerOptions(db);
  const partnerId = f.partner;
  const { rows, total, page, size } = await listVisits(db, { ...f, partnerId, today: todayIn(home.timeZone) });
  const pages = Math.max(1, Math.ceil(total / size));
  const pageHref = (n: number) => `/visits?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== "page" && v)), page: String(n) }).toString()}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        link={can(user.role, "write") ? { href: "/visits/new", label: t("newVisit"), icon: Plus } : null}
      />
      <VisitFilters
        values={{ q: f.q ?? "", partner: f.partner ? String(f.partner) : "", direction: f.direction ?? "", status: f.status ?? "", period: f.period }}
        partners={partners.map((p) => ({ value: String(p.id), label: locale === "ko" ? p.nameKo : p.nameEn }))}
        directions={VISIT_DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
        statuses={VISIT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      <p className="mb-2 text-sm text-slate-600" role="status">
        {t("count", { count: total })}
      </p>
      {rows.length === 0 ? (
        <Empty>{t("empty")}</Empty>
      ) : (
        <Table caption={t("title")} stack head={[t("columns.title"), t("columns.partner"), t("columns.when"), t("columns.direction"), t("columns.status")]}>
          <tbody>
            {rows.map((v) => (
              <tr key={v.id}>
                <Td label={t("columns.title")}>
                  <Link href={`/visits/${v.id}`} className="font-medium text-brand-700 hover:underline">
                    {v.title}
                  </Link>
                </Td>
                <Td label={t("columns.partner")}>{(locale === "ko" ? v.partnerNameKo : v.partnerNameEn) ?? ""}</Td>
                <Td label={t("columns.when")}>{visitDates(v, locale) ?? t("toBeScheduled")}</Td>
                <Td label={t("columns.direction")}>{t(`direction.${v.direction}`)}</Td>
                <Td label={t("columns.status")}>
                  <Badge tone={v.status === "completed" ? "green" : v.status === "cancelled" ? "neutral" : "amber"}>{t(`status.${v.status}`)}</Badge>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pager.page", { page, pages })} className="mt-4 flex items-center gap-3 text-sm">
          {page > 1 ? <Link href={pageHref(page - 1)} className="text-brand-700 hover:underline">{t("pager.previous")}</Link> : null}
          <span>{t("pager.page", { page, pages })}</span>
          {page < pages ? <Link href={pageHref(page + 1)} className="text-brand-700 hover:underline">{t("pager.next")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
