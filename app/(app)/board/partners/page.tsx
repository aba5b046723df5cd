import Link from "next/link";
import { AlertTriangle, CalendarClock } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { partnerOverview } from "@/db/queries/board";
import { requireUser } from "@/server/auth/guard";
import { cn } from "@/lib/cn";
import { daysSince, formatDate, formatPrecisionDate, todayIn } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("board.tiles.title");

export default async function PartnerOverviewPage() {
  await requireUser();
  const [t, tc, te, locale, { zone }] = await Promise.all([
    getTranslations("board"),
    getTranslations("common"),
    getTranslations("enums"),
    viewerLocale(),
    viewerTimeZone(),
  ]);
  const today = todayIn(zone);
  const tiles = await partnerOverview(getDb(), today);
  return (
    <>
      <PageHeader
        title={t("tiles.title")}
        lead={t("tiles.lead")}
        link={{ href: "/board", label: t("boardLink"), variant: "secondary" }}
      />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {tiles.map((p) => {
          const name = locale === "ko" ? p.nameKo : p.nameEn;
          return (
            <li key={p.id} className={cn("rounded-lg border bg-white p-4 shadow-sm", p.needsAttention ? "border-amber-400 border-l-4" : "border-slate-200")}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-base font-semibold text-slate-900">
                  <Link href={`/partners/${p.slug}`} className="hover:text-brand-700 hover:underline">
                    {name}
                  </Link>
                </h2>
                <PartnerStatusBadge status={p.status} />
              </div>
              <p className="mt-1 text-sm text-slate-700">
                {te(`level.${p.level}`)}
                {p.sinceDate && p.sincePrecision ? ` · ${t("tiles.since", { date: formatPrecisionDate(p.sinceDate, p.sincePrecision, locale) })}` : null}
              </p>
              {p.needsAttention ? (
                <Badge tone="amber" className="mt-2">
                  <AlertTriangle aria-hidden className="size-3.5" />
                  {t("tiles.attention")}
                </Badge>
              ) : null}
              <dl className="mt-3 grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
                <div>
                  <dt className="text-slate-600">{t("tiles.open")}</dt>
                  <dd className="font-semibold tabular-nums text-slate-900">{p.openCount}</dd>
                </div>
                <div>
                  <dt className="text-slate-600">{t("tiles.overdue")}</dt>
                  <dd className={cn("inline-flex items-center gap-1 font-semibold tabular-nums", p.overdueCount ? "text-red-800" : "text-slate-900")}>
                    {p.overdueCount ? <AlertTriangle aria-hidden className="size-3.5" /> : null}
                    {p.overdueCount}
                  </dd>
                </div>
                <div className="col-span-2">
                  <dt className="text-slate-600">{t("tiles.lastContact")}</dt>
                  <dd className="text-slate-900">{p.lastContactAt ? tc("daysAgo", { days: daysSince(new Date(p.lastContactAt)) }) : t("tiles.never")}</dd>
                </div>
                <div className="col-span-2">
                  <dt className="text-slate-600">{t("tiles.expiry")}</dt>
                  <dd className={cn("inline-flex items-center gap-1", p.expirySoon ? "rounded bg-amber-50 px-1 font-semibold text-amber-900" : "text-slate-900")}>
                    {p.nextExpiry ? (
                      <>
                        {p.expirySoon ? <CalendarClock aria-hidden className="size-3.5" /> : null}
                        {t("tiles.expiresOn", { title: p.nextExpiry.title, date: formatDate(p.nextExpiry.on, locale) })}
                        {p.nextExpiry.on < today ? ` (${t("tiles.expired")})` : null}
                      </>
                    ) : (
                      t("tiles.noExpiry")
                    )}
                  </dd>
                </div>
              </dl>
              <Link href={`/board?partner=${p.slug}`} className="mt-3 inline-block text-sm text-brand-700 underline-offset-2 hover:underline">
                {t("tiles.viewOnBoard", { name })}
              </Link>
            </li>
          );
        })}
      </ul>
    </>
  );
}
