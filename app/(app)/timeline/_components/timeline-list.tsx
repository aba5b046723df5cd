import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatNumber, type Locale } from "@/lib/format";
import type { TimelineData, TimelineFilters } from "@/lib/timeline";
import type { TimelineListWindow } from "@/lib/types/timeline-list";
import { TimelineYears, VisitRow, type ListedVisit } from "./timeline-years";

/**
 * The accessible and printable form of the timeline: the same events, grouped by year, as
 * links in order (Tab walks them; Enter opens one). The page sends the first window of years;
 * the later ones load as the reader scrolls.
 */
export async function TimelineList({
  first,
  data,
  filters,
  locale,
  unscheduled,
  unscheduledTotal,
}: {
  first: TimelineListWindow;
  /** Visits with no date yet: not drawn, listed at the end. */
  unscheduled: ListedVisit[];
  /** All visits to be scheduled that match, of which `unscheduled` are the first. */
  unscheduledTotal: number;
  data: TimelineData;
  filters: TimelineFilters;
  locale: Locale;
}) {
  const t = await getTranslations("timeline");
  const tv = await getTranslations("visits");
  const lanes = new Map(data.lanes.map((l) => [l.id, l]));
  return (
    <section aria-labelledby="list-h" className="rounded-lg border border-slate-200 bg-white shadow-sm print:border-0 print:shadow-none">
      <div className="border-b border-slate-200 px-4 py-3">
        <h2 id="list-h" className="text-base font-semibold text-slate-900">
          {t("listHeading")}
        </h2>
        <p className="text-sm text-slate-600">{t("listLead")}</p>
      </div>
      <TimelineYears initial={first} filters={filters} locale={locale} />
      {unscheduled.length ? (
        <section aria-labelledby="unscheduled-h" className="border-t border-slate-200 px-4 py-3">
          <h3 id="unscheduled-h" className="text-lg font-semibold text-slate-900">
            {t("unscheduledHeading")}
          </h3>
          <p className="text-sm text-slate-600">{t("unscheduledLead")}</p>
          <ol className="mt-2 space-y-1">
            {unscheduled.map((v) => {
              const l = lanes.get(v.laneId);
              return (
                <VisitRow
                  key={`visit${v.id}`}
                  v={v}
                  lane={l ? { id: l.id, slug: l.slug, nameEn: l.nameEn, nameKo: l.nameKo } : undefined}
                  locale={locale}
                  label={t(v.direction === "outgoing" ? "visitOutgoing" : "visitIncoming")}
                  status={tv(`status.${v.status}`)}
                  toBe={t("toBeScheduled")}
                />
              );
            })}
          </ol>
          {unscheduledTotal > unscheduled.length ? (
            <p className="mt-2 text-sm text-slate-700">
              <Link href="/visits?period=upcoming" className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
                {t("unscheduledMore", { n: formatNumber(unscheduledTotal - unscheduled.length, locale), count: unscheduledTotal - unscheduled.length })}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
