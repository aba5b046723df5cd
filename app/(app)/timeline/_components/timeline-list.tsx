import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { laneName } from "@/components/timeline/lane-name";
import { MarkIcon } from "@/components/timeline/mark-icon";
import { visitPeriod } from "@/components/timeline/timeline-items";
import { VISIT_FILL, VISIT_STROKE } from "@/components/timeline/timeline-legend";
import { formatInstant, formatNumber, formatPrecisionDate, type Locale } from "@/lib/format";
import { timelineSearch, type TimelineData, type TimelineFilters, type TimelineVisit } from "@/lib/timeline";
import { type TimelineListYear } from "@/lib/types/timeline-list";

type ListedVisit = Pick<TimelineVisit, "id" | "laneId" | "title" | "direction" | "status" | "endsOn" | "precision"> & { startsOn: string | null };

/**
 * The accessible and printable form of the timeline: the same events, grouped by year, as
 * links in order (Tab walks them; Enter opens one).
 */
export async function TimelineList({
  years,
  data,
  filters,
  locale,
  unscheduled,
}: {
  years: TimelineListYear[];
  /** Visits with no date yet: not drawn, listed at the end. */
  unscheduled: ListedVisit[];
  data: TimelineData;
  filters: TimelineFilters;
  locale: Locale;
}) {
  const t = await getTranslations("timeline");
  const te = await getTranslations("enums");
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
      {years.length ? (
        <div className="divide-y divide-slate-100">
          {years.map((y) => {
            const more = y.count - y.events.length - y.visits.length;
            const yearFrom = `${y.year}-01-01`;
            const yearTo = `${y.year}-12-31`;
            const zoomed = timelineSearch({ ...filters, from: yearFrom, to: yearTo });
            zoomed.set("year", String(y.year));
            const meetingsList = new URLSearchParams({ from: yearFrom, to: yearTo });
            if (filters.partners.length === 1) meetingsList.set("partner", filters.partners[0]!);
            if (filters.q) meetingsList.set("q", filters.q);
            const alreadyExpanded = filters.from === yearFrom && filters.to === yearTo;
            return (
              <section key={y.year} aria-labelledby={`y${y.year}`} className="px-4 py-3 print:break-inside-avoid-page">
                <h3 id={`y${y.year}`} className="flex items-baseline gap-2 text-lg font-semibold text-slate-900">
                  {formatPrecisionDate(`${y.year}`, "year", locale)}
                  <span className="text-sm font-normal text-slate-600">{t("yearCount", { n: formatNumber(y.count, locale), count: y.count })}</span>
                </h3>
                <ol className="mt-2 space-y-1">
                  {y.events.map((m) => {
                    const lane = lanes.get(m.laneId);
                    const when = m.type === "milestone" ? formatPrecisionDate(m.date, m.precision, locale) : formatInstant(new Date(m.t), m.timeZone, locale);
                    const kind = m.type === "milestone" ? te(`milestoneKind.${m.kind}`) : te(`meetingKind.${m.kind}`);
                    const href = m.type === "meeting" ? `/meetings/${m.id}` : `/partners/${lane?.slug ?? ""}#milestones`;
                    return (
                      <li key={`${m.type}${m.id}`}>
                        <Link
                          href={href}
                          className="group flex flex-col gap-0.5 rounded-md px-2 py-1.5 hover:bg-slate-50 sm:flex-row sm:items-baseline sm:gap-3"
                          data-event={`${m.type}-${m.id}`}
                        >
                          <span className="w-44 shrink-0 text-sm tabular-nums text-slate-700">{when}</span>
                          <span className="inline-flex shrink-0 items-center gap-1 text-xs text-slate-600 sm:w-40">
                            <MarkIcon kind={m.type === "milestone" ? (m.kind === "visit" ? "delegation" : m.kind) : m.kind} size={14} />
                            {kind}
                            {m.type === "meeting" && m.status !== "held" ? ` · ${te(`meetingStatus.${m.status}`)}` : ""}
                          </span>
                          <span className="min-w-0 text-sm">
                            <span className="font-medium text-brand-700 group-hover:underline">{m.title}</span>
                            {lane ? <span className="text-slate-600"> · {laneName(lane, locale)}</span> : null}
                          </span>
                        </Link>
                      </li>
                    );
                  })}
                  {y.visits.map((v) => visitItem(v))}
                </ol>
                {more > 0 ? (
                  <p className="mt-2 print:hidden">
                    {alreadyExpanded ? (
                      <Link href={`/meetings?${meetingsList.toString()}`} className="text-sm font-medium text-brand-700 underline">
                        {t("showInMeetings", { n: formatNumber(y.count, locale), year: y.year })}
                      </Link>
                    ) : (
                      <Link href={`/timeline?${zoomed.toString()}#y${y.year}`} className="text-sm font-medium text-brand-700 underline">
                        {t("showYear", { n: formatNumber(y.count, locale), year: y.year })}
                      </Link>
                    )}
                  </p>
                ) : null}
              </section>
            );
          })}
        </div>
      ) : (
        <p className="px-4 py-6 text-sm text-slate-700">{t("noEvents")}</p>
      )}
      {unscheduled.length ? (
        <section aria-labelledby="unscheduled-h" className="border-t border-slate-200 px-4 py-3">
          <h3 id="unscheduled-h" className="text-lg font-semibold text-slate-900">
            {t("unscheduledHeading")}
          </h3>
          <p className="text-sm text-slate-600">{t("unscheduledLead")}</p>
          <ol className="mt-2 space-y-1">{unscheduled.map((v) => visitItem(v))}</ol>
        </section>
      ) : null}
    </section>
  );

  function visitItem(v: ListedVisit) {
    const lane = lanes.get(v.laneId);
    return (
      <li key={`visit${v.id}`}>
        <Link
          href={`/visits/${v.id}`}
          className="group flex flex-col gap-0.5 rounded-md px-2 py-1.5 hover:bg-slate-50 sm:flex-row sm:items-baseline sm:gap-3"
          data-event={`visit-${v.id}`}
        >
          <span className="w-44 shrink-0 text-sm tabular-nums text-slate-700">{v.startsOn ? visitPeriod({ ...v, startsOn: v.startsOn }, locale) : t("toBeScheduled")}</span>
          <span className="inline-flex shrink-0 items-center gap-1 text-xs text-slate-600 sm:w-40">
            <svg aria-hidden width="14" height="8" viewBox="0 0 14 8" className="shrink-0">
              <rect x="0.5" y="0.5" width="13" height="7" rx="2" fill={VISIT_FILL} fillOpacity={v.status === "cancelled" ? 0.25 : 0.8} stroke={VISIT_STROKE} />
            </svg>
            {t(v.direction === "outgoing" ? "visitOutgoing" : "visitIncoming")} · {tv(`status.${v.status}`)}
          </span>
          <span className="min-w-0 text-sm">
            <span className="font-medium text-brand-700 group-hover:underline">{v.title}</span>
            {lane ? <span className="text-slate-600"> · {laneName(lane, locale)}</span> : null}
          </span>
        </Link>
      </li>
    );
  }
}
