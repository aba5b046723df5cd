"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { laneName } from "@/components/timeline/lane-name";
import { MarkIcon } from "@/components/timeline/mark-icon";
import { visitPeriod } from "@/components/timeline/timeline-items";
import { formatInstant, formatNumber, formatPrecisionDate, type Locale } from "@/lib/format";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { timelineSearch, VISIT_FILL, VISIT_STROKE, type TimelineFilters } from "@/lib/timeline";
import type { TimelineListWindow } from "@/lib/types/timeline-list";

type Lane = TimelineListWindow["lanes"][number];
export type ListedVisit = Pick<TimelineListWindow["years"][number]["visits"][number], "id" | "laneId" | "title" | "direction" | "status" | "endsOn" | "precision"> & {
  startsOn: string | null;
};

/**
 * The list's years: the first window as the page rendered it, the later ones read over GET
 * (timeline/list.json) when the reader scrolls near the end or presses the button.
 */
export function TimelineYears({ initial, filters, locale }: { initial: TimelineListWindow; filters: TimelineFilters; locale: Locale }) {
  const t = useTranslations("timeline");
  const te = useTranslations("enums");
  const tv = useTranslations("visits.status");
  const search = timelineSearch(filters).toString();
  const q = useInfiniteQuery({
    queryKey: queryKeys.timeline.list(search),
    queryFn: ({ pageParam }) => fetchJson<TimelineListWindow>(`/timeline/list.json?${search}${search ? "&" : ""}after=${pageParam}`),
    initialPageParam: initial.next,
    getNextPageParam: (last) => last.next,
    initialData: { pages: [initial], pageParams: [null] },
    staleTime: Infinity,
  });
  const pages = q.data.pages;
  const lanes = new Map<number, Lane>(pages.flatMap((p) => p.lanes.map((l) => [l.id, l] as const)));
  const years = pages.flatMap((p) => p.years);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError } = q;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || isFetchingNextPage || isFetchNextPageError) return;
    const io = new IntersectionObserver(([e]) => e?.isIntersecting && void fetchNextPage(), { rootMargin: "600px" });
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  if (!years.length) return <p className="px-4 py-6 text-sm text-slate-700">{t("noEvents")}</p>;
  return (
    <>
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
                      <Link href={href} className={ROW} data-event={`${m.type}-${m.id}`}>
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
                {y.visits.map((v) => (
                  <VisitRow
                    key={`visit${v.id}`}
                    v={v}
                    lane={lanes.get(v.laneId)}
                    locale={locale}
                    label={t(v.direction === "outgoing" ? "visitOutgoing" : "visitIncoming")}
                    status={tv(v.status)}
                    toBe={t("toBeScheduled")}
                  />
                ))}
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
      {hasNextPage ? (
        <div ref={sentinel} className="border-t border-slate-100 px-4 py-3 print:hidden">
          {isFetchNextPageError ? <p role="alert" className="mb-2 text-sm text-red-800">{t("laterYearsFailed")}</p> : null}
          <button
            type="button"
            onClick={() => void fetchNextPage()}
            disabled={isFetchingNextPage}
            className="inline-flex h-9 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
          >
            {isFetchingNextPage ? t("laterYearsLoading") : t("laterYears")}
          </button>
        </div>
      ) : null}
    </>
  );

}

const ROW = "group flex flex-col gap-0.5 rounded-md px-2 py-1.5 hover:bg-slate-50 sm:flex-row sm:items-baseline sm:gap-3";

/** One visit of the list (also the "to be scheduled" ones, which the server renders). */
export function VisitRow({ v, lane, locale, label, status, toBe }: { v: ListedVisit; lane: Lane | undefined; locale: Locale; label: string; status: string; toBe: string }) {
  return (
    <li>
      <Link href={`/visits/${v.id}`} className={ROW} data-event={`visit-${v.id}`}>
        <span className="w-44 shrink-0 text-sm tabular-nums text-slate-700">{v.startsOn ? visitPeriod({ ...v, startsOn: v.startsOn }, locale) : toBe}</span>
        <span className="inline-flex shrink-0 items-center gap-1 text-xs text-slate-600 sm:w-40">
          <svg aria-hidden width="14" height="8" viewBox="0 0 14 8" className="shrink-0">
            <rect x="0.5" y="0.5" width="13" height="7" rx="2" fill={VISIT_FILL} fillOpacity={v.status === "cancelled" ? 0.25 : 0.8} stroke={VISIT_STROKE} />
          </svg>
          {label} · {status}
        </span>
        <span className="min-w-0 text-sm">
          <span className="font-medium text-brand-700 group-hover:underline">{v.title}</span>
          {lane ? <span className="text-slate-600"> · {laneName(lane, locale)}</span> : null}
        </span>
      </Link>
    </li>
  );
}
