import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { LoadingBlock } from "@/components/ui/loading-block";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { getHomeRegion } from "@/db/queries/settings";
import { timelineData } from "@/db/queries/timeline";
import { unscheduledVisits } from "@/db/queries/timeline-visits";
import { requireUser } from "@/server/auth/guard";
import { afterShell } from "@/lib/defer";
import { formatNumber, formatPrecisionDate, todayIn } from "@/lib/format";
import { DAY, isoDay, parseTimelineParams, type TimelineFilters as Filters } from "@/lib/timeline";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { TimelineExplorer } from "./_components/timeline-explorer";
import { TimelineFilters } from "./_components/timeline-filters";
import { TimelineList } from "./_components/timeline-list";
import { timelineListPage } from "./list-page";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("timeline.title");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TimelinePage({ searchParams }: Props) {
  await requireUser();
  const sp = await searchParams;
  const filters = parseTimelineParams(sp);
  const expandYear = Number(typeof sp.year === "string" ? sp.year : NaN);
  const db = getDb();
  const [t, locale, home, partners] = await Promise.all([getTranslations("timeline"), viewerLocale(), getHomeRegion(db), partnerOptions(db)]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead", { home: locale === "ko" ? home.nameKo : home.nameEn })} />
      <TimelineFilters filters={filters} partners={partners} locale={locale} />
      {/* The header and filters paint at once; the lanes and the list stream in when read. */}
      <Suspense fallback={<LoadingBlock className="mb-6 h-80" />}>
        <TimelineBody filters={filters} expandYear={Number.isInteger(expandYear) ? expandYear : undefined} />
      </Suspense>
    </>
  );
}

async function TimelineBody({ filters, expandYear }: { filters: Filters; expandYear: number | undefined }) {
  await afterShell();
  const db = getDb();
  const [t, locale, { zone }] = await Promise.all([getTranslations("timeline"), viewerLocale(), viewerTimeZone()]);
  const data = await timelineData(db, filters, { today: todayIn(zone) });
  // The list's first window of years only: the rest is read as the reader scrolls.
  const list = await timelineListPage(db, filters, { today: todayIn(zone), expandYear, data });
  const unscheduled = await unscheduledVisits(db, filters, data.lanes.map((l) => l.id));
  const events = list.total;
  const period = `${formatPrecisionDate(isoDay(data.from), "day", locale)} – ${formatPrecisionDate(isoDay(data.to - DAY), "day", locale)}`;
  return (
    <>
      <section aria-labelledby="chart-h" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="chart-h" className="sr-only">
          {t("title")}
        </h2>
        <p className="mb-3 text-sm text-slate-700" data-testid="timeline-summary">
          {t("summary", { lanes: data.lanes.length, period, events: formatNumber(events, locale), count: events })}
        </p>
        {data.buckets.length ? (
          <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset print:hidden">
            {t("thinned", { unit: data.buckets[0]!.unit })}
          </p>
        ) : null}
        {data.visitBuckets.length ? (
          <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset print:hidden">
            {t("thinnedVisits", { unit: data.visitBuckets[0]!.unit })}
          </p>
        ) : null}
        {data.lanes.length ? <TimelineExplorer data={data} locale={locale} label={t("chartLabel")} /> : <p className="text-sm text-slate-700">{t("noLanes")}</p>}
      </section>
      <TimelineList first={list} data={data} filters={filters} locale={locale} unscheduled={unscheduled.rows.map((v) => ({ ...v, startsOn: null }))} unscheduledTotal={unscheduled.total} />
    </>
  );
}
