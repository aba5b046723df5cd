import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingTime } from "@/components/meetings/meeting-time";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { headlineCounts } from "@/db/queries/dashboard";
import { listMeetings } from "@/db/queries/meetings";
import { getHomeRegion } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/guard";
import { formatNumber, todayIn } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/lib/viewer";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await requireUser();
  const db = getDb();
  const [t, locale, { zone }, home] = await Promise.all([getTranslations("dashboard"), viewerLocale(), viewerTimeZone(), getHomeRegion(db)]);
  const [counts, recent] = await Promise.all([headlineCounts(db, todayIn(zone)), listMeetings(db, { size: 5 })]);
  const tiles = [
    { label: t("partners"), value: counts.partners, href: "/partners" },
    { label: t("meetings"), value: counts.meetings, href: "/meetings" },
    { label: t("openActions"), value: counts.openActions, href: "/board" },
    { label: t("overdueActions"), value: counts.overdueActions, href: "/board?due=overdue", alert: counts.overdueActions > 0 },
  ];
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead", { home: locale === "ko" ? home.nameKo : home.nameEn })} />
      <ul className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        {tiles.map((x) => (
          <li key={x.label}>
            <Link href={x.href} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <span className="block text-sm text-slate-600">{x.label}</span>
              <span className={`mt-1 block text-3xl font-semibold tabular-nums ${x.alert ? "text-red-700" : "text-slate-900"}`}>
                {formatNumber(x.value, locale)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <Card title={t("recentMeetings")} id="recent">
        <ul className="divide-y divide-slate-100">
          {recent.rows.map((m) => (
            <li key={m.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:justify-between">
              <div>
                <Link href={`/meetings/${m.id}`} className="font-medium text-brand-700 hover:underline">
                  {m.title}
                </Link>
                <span className="block text-xs text-slate-600">{locale === "ko" ? m.partnerNameKo : m.partnerNameEn}</span>
              </div>
              <span className="text-sm text-slate-700 sm:text-right">
                <MeetingTime at={m.startsAt} zone={m.timeZone} viewerZone={zone} locale={locale} />
              </span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
