"use client";
import { ChevronLeft, ChevronRight, Maximize2, ZoomIn, ZoomOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { memo, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode, type RefObject } from "react";
import { ReferenceArea, ReferenceLine, Scatter, ScatterChart, Symbols, XAxis, YAxis } from "recharts";
import { cn } from "@/lib/cn";
import { formatInstant, formatNumber, formatPrecisionDate, type Locale } from "@/lib/format";
import { DAY, isoDay, markStyle, type TimelineBucket, type TimelineData, type TimelineLane, type TimelineMark } from "@/lib/timeline";
import { laneName } from "./lane-name";
import { MarkIcon } from "./mark-icon";

/** A point of the chart: one event, or a month or year of meetings counted. */
type Datum = { x: number; y: number; item: { mark: TimelineMark } | { bucket: TimelineBucket } };

const LANE_HEIGHT = 64;
const AXIS_HEIGHT = 36;
/** Room above the first lane for the label over its marks (clipped by the plot otherwise). */
const HEADROOM = 18;
const MIN_SPAN = 14 * DAY;

export interface TimelineChartProps {
  data: TimelineData;
  locale: Locale;
  /** Asks for another period; null/null is "fit all". The owner loads the data and re-renders. */
  onWindow: (from: number | null, to: number | null) => void;
  pending?: boolean;
  /** Accessible name of the chart. */
  label: string;
}

export function markHref(m: TimelineMark, lane: TimelineLane | undefined) {
  return m.type === "meeting" ? `/meetings/${m.id}` : `/partners/${lane?.slug ?? ""}#milestones`;
}

export function bucketHref(b: TimelineBucket, lane: TimelineLane | undefined) {
  return `/meetings?${new URLSearchParams({ partner: lane?.slug ?? "", from: b.key, to: isoDay(b.end - DAY) }).toString()}`;
}

/** Ticks at whole years, quarters, months, weeks or days, whichever fits about eight. */
function ticksFor(from: number, to: number, width: number): { ticks: number[]; unit: "year" | "month" | "day" } {
  const span = to - from;
  const want = Math.max(2, Math.min(10, Math.floor(width / 90)));
  const years = [1, 2, 5, 10].find((s) => span / (365.25 * DAY * s) <= want);
  const start = new Date(from);
  if (span > 2.5 * 365 * DAY && years) {
    const out: number[] = [];
    for (let y = Math.ceil(start.getUTCFullYear() / years) * years; Date.UTC(y, 0, 1) < to; y += years) if (Date.UTC(y, 0, 1) >= from) out.push(Date.UTC(y, 0, 1));
    return { ticks: out, unit: "year" };
  }
  const months = [1, 2, 3, 6, 12].find((s) => span / (30.44 * DAY * s) <= want);
  if (span > 60 * DAY && months) {
    const out: number[] = [];
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth();
    for (; Date.UTC(y, m, 1) < to; m++) {
      if (m > 11) {
        m = 0;
        y++;
      }
      const t = Date.UTC(y, m, 1);
      if (t >= from && m % months === 0) out.push(t);
    }
    return { ticks: out, unit: "month" };
  }
  const days = [1, 2, 7, 14, 28].find((s) => span / (DAY * s) <= want) ?? 28;
  const out: number[] = [];
  for (let t = Math.ceil(from / DAY) * DAY; t < to; t += days * DAY) out.push(t);
  return { ticks: out, unit: "day" };
}

export function TimelineChart({ data, locale, onWindow, pending, label }: TimelineChartProps) {
  const t = useTranslations("timeline");
  const te = useTranslations("enums");
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [view, setView] = useState({ from: data.from, to: data.to });
  const [active, setActive] = useState<Datum["item"] | null>(null);
  const drag = useRef<{ x: number; from: number; to: number; moved: boolean } | null>(null);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.floor(e!.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const lanes = data.lanes;
  const laneById = useMemo(() => new Map(lanes.map((l) => [l.id, l])), [lanes]);
  const yWidth = width && width < 560 ? 112 : 190;
  const height = Math.max(1, lanes.length) * LANE_HEIGHT + HEADROOM + AXIS_HEIGHT + 16;
  const plotWidth = Math.max(1, width - yWidth - 24);
  const { ticks, unit } = useMemo(() => ticksFor(view.from, view.to, plotWidth), [view.from, view.to, plotWidth]);

  const describe = (item: Datum["item"]) => describeItem(item, { t, te, laneById, locale });

  function go(from: number, to: number) {
    const span = Math.max(MIN_SPAN, to - from);
    const mid = (from + to) / 2;
    const f = Math.round(from === to ? mid - span / 2 : from);
    const next = { from: f, to: f + span };
    setView(next);
    onWindow(next.from, next.to);
  }
  const span = view.to - view.from;
  const zoom = (factor: number) => {
    const mid = (view.from + view.to) / 2;
    go(mid - (span * factor) / 2, mid + (span * factor) / 2);
  };
  const pan = (share: number) => go(view.from + span * share, view.to + span * share);
  const preset = (days: number) => go(data.today - days * DAY + 30 * DAY, data.today + 30 * DAY);

  function onPointerDown(e: ReactPointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, from: view.from, to: view.to, moved: false };
  }
  function onPointerMove(e: ReactPointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    if (!d.moved && Math.abs(dx) < 4) return;
    if (!d.moved) e.currentTarget.setPointerCapture(e.pointerId);
    d.moved = true;
    const shift = (-dx / plotWidth) * (d.to - d.from);
    setView({ from: d.from + shift, to: d.to + shift });
  }
  function onPointerUp() {
    const d = drag.current;
    drag.current = null;
    if (d?.moved) onWindow(Math.round(view.from), Math.round(view.to));
  }

  const shown = active ? describe(active) : null;
  const btn = "inline-flex h-9 items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-800 hover:bg-slate-50 disabled:opacity-50";

  return (
    <div className="print:hidden">
      <div className="mb-3 flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("controls")}>
        <button type="button" className={btn} onClick={() => zoom(0.5)} disabled={span <= MIN_SPAN}>
          <ZoomIn aria-hidden className="size-4" />
          {t("zoomIn")}
        </button>
        <button type="button" className={btn} onClick={() => zoom(2)}>
          <ZoomOut aria-hidden className="size-4" />
          {t("zoomOut")}
        </button>
        <button type="button" className={btn} onClick={() => pan(-0.25)} aria-label={t("panEarlier")}>
          <ChevronLeft aria-hidden className="size-4" />
        </button>
        <button type="button" className={btn} onClick={() => pan(0.25)} aria-label={t("panLater")}>
          <ChevronRight aria-hidden className="size-4" />
        </button>
        <button type="button" className={btn} onClick={() => onWindow(null, null)}>
          <Maximize2 aria-hidden className="size-4" />
          {t("fitAll")}
        </button>
        <span className="mx-1 hidden h-6 w-px bg-slate-300 sm:inline-block" aria-hidden />
        {(
          [
            ["last10y", 3652],
            ["last5y", 1826],
            ["last1y", 365],
            ["last90d", 90],
          ] as const
        ).map(([k, d]) => (
          <button key={k} type="button" className={btn} onClick={() => preset(d)}>
            {t(k)}
          </button>
        ))}
      </div>

      <div
        ref={wrap}
        role="group"
        aria-label={label}
        aria-busy={pending || undefined}
        className={cn("relative touch-pan-y select-none rounded-md border border-slate-200 bg-white", pending && "opacity-70")}
        style={{ height }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onMouseLeave={() => setActive((a) => (a && document.activeElement?.classList.contains("tl-mark") ? a : null))}
      >
        {width > 0 ? (
          <Canvas
            data={data}
            view={view}
            width={width}
            height={height}
            yWidth={yWidth}
            ticks={ticks}
            unit={unit}
            locale={locale}
            onActive={setActive}
            dragging={drag}
          />
        ) : null}
      </div>

      <div className="mt-2 min-h-16 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" aria-live="polite" data-testid="timeline-details">
        {shown ? (
          <>
            <p className="text-xs text-slate-600">{shown.meta}</p>
            <p className="font-medium text-slate-900">
              <a href={shown.href} className="text-brand-700 underline-offset-2 hover:underline" tabIndex={-1}>
                {shown.title}
              </a>
            </p>
          </>
        ) : (
          <p className="text-slate-600">{t("hint")}</p>
        )}
      </div>
      <Legend hasBuckets={data.buckets.length > 0} />
    </div>
  );
}

function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function Legend({ hasBuckets }: { hasBuckets: boolean }) {
  const t = useTranslations("timeline");
  const te = useTranslations("enums");
  const items: { key: string; icon: React.ReactNode; text: string }[] = [
    { key: "start", icon: <MarkIcon kind="start" />, text: te("milestoneKind.start") },
    { key: "agreement", icon: <MarkIcon kind="agreement" />, text: t("legendAgreement") },
    { key: "delegation", icon: <MarkIcon kind="delegation" />, text: t("legendOtherMilestone") },
    ...(["meeting", "visit", "video_call", "signing", "event"] as const).map((k) => ({ key: k, icon: <MarkIcon kind={k} />, text: te(`meetingKind.${k}`) })),
  ];
  return (
    <div className="mt-3">
      <h3 className="sr-only">{t("legend")}</h3>
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-xs text-slate-700">
        {items.map((i) => (
          <li key={i.key} className="inline-flex items-center gap-1.5">
            {i.icon}
            {i.text}
          </li>
        ))}
        {hasBuckets ? (
          <li className="inline-flex items-center gap-1.5">
            <svg aria-hidden width="16" height="16" viewBox="0 0 16 16">
              <circle cx="8" cy="8" r="6" fill="#0072B2" fillOpacity={0.55} stroke="#0f2c4f" />
            </svg>
            {t("legendBucket")}
          </li>
        ) : null}
        <li className="inline-flex items-center gap-1.5">
          <svg aria-hidden width="28" height="10" viewBox="0 0 28 10">
            <line x1="0" y1="5" x2="28" y2="5" stroke="#184c88" strokeWidth="4" />
          </svg>
          {t("legendLane")}
        </li>
        <li className="inline-flex items-center gap-1.5">
          <svg aria-hidden width="28" height="10" viewBox="0 0 28 10">
            <line x1="0" y1="5" x2="28" y2="5" stroke="#64748b" strokeWidth="2" strokeDasharray="6 5" />
          </svg>
          {t("legendQuiet")}
        </li>
        <li className="inline-flex items-center gap-1.5">
          <svg aria-hidden width="20" height="12" viewBox="0 0 20 12">
            <rect x="0" y="1" width="20" height="10" fill="#000" fillOpacity={0.08} stroke="#000" strokeOpacity={0.25} />
          </svg>
          {t("legendBand")}
        </li>
      </ul>
    </div>
  );
}

const MARK_CLASS = "tl-mark cursor-pointer [&:is(:focus,:hover)_:is(path,circle)]:stroke-[#0f172a] [&:is(:focus,:hover)_:is(path,circle)]:[stroke-width:2.5px]";
/** Milestones sit just above their lane, meetings on it, so a start and a meeting on one day both show. */
const MILESTONE_LIFT = 0.2;

type Describe = (item: Datum["item"]) => { title: string; meta: string; href: string };

function describeItem(
  item: Datum["item"],
  { t, te, laneById, locale }: { t: (k: string, v?: Record<string, string | number>) => string; te: (k: string) => string; laneById: Map<number, TimelineLane>; locale: Locale },
): { title: string; meta: string; href: string } {
  if ("bucket" in item) {
    const b = item.bucket;
    const lane = laneById.get(b.laneId);
    return {
      title: t("bucketTitle", { count: b.count, n: formatNumber(b.count, locale) }),
      meta: `${formatPrecisionDate(b.key, b.unit, locale)} · ${lane ? laneName(lane, locale) : ""}`,
      href: bucketHref(b, lane),
    };
  }
  const m = item.mark;
  const lane = laneById.get(m.laneId);
  const when = m.type === "milestone" ? formatPrecisionDate(m.date, m.precision, locale) : formatInstant(new Date(m.t), m.timeZone, locale);
  const kind = m.type === "milestone" ? te(`milestoneKind.${m.kind}`) : te(`meetingKind.${m.kind}`);
  const status = m.type === "meeting" && m.status !== "held" ? ` (${te(`meetingStatus.${m.status}`)})` : "";
  return { title: m.title, meta: `${kind}${status} · ${when} · ${lane ? laneName(lane, locale) : ""}`, href: markHref(m, lane) };
}

interface CanvasProps {
  data: TimelineData;
  view: { from: number; to: number };
  width: number;
  height: number;
  yWidth: number;
  ticks: number[];
  unit: "year" | "month" | "day";
  locale: Locale;
  onActive: (item: Datum["item"]) => void;
  dragging: RefObject<{ moved: boolean } | null>;
}

/**
 * The Recharts drawing. Memoised: showing an event's details must not redraw the marks, or the
 * focused mark would be replaced and keyboard focus lost.
 */
const Canvas = memo(function Canvas({ data, view, width, height, yWidth, ticks, unit, locale, onActive, dragging }: CanvasProps) {
  const t = useTranslations("timeline");
  const te = useTranslations("enums");
  const router = useRouter();
  const lanes = data.lanes;
  const laneIndex = useMemo(() => new Map(lanes.map((l, i) => [l.id, i])), [lanes]);
  const laneById = useMemo(() => new Map(lanes.map((l) => [l.id, l])), [lanes]);
  const describe: Describe = (item) => describeItem(item, { t, te, laneById, locale });
  const series = useMemo(() => {
    const groups = new Map<string, { shape: string; color: string; data: Datum[] }>();
    // Milestones first: on one day the start comes before the meeting, for the eye and for Tab.
    for (const m of [...data.marks].sort((a, b) => (a.type === b.type ? 0 : a.type === "milestone" ? -1 : 1))) {
      const s = markStyle(m);
      const key = `${s.shape}|${s.color}`;
      const g = groups.get(key) ?? { ...s, data: [] };
      // A date known only to the year or month sits in the middle of its period, over a band.
      const x = m.type === "milestone" && m.precision !== "day" ? (m.t + m.end) / 2 : m.t;
      const y = (laneIndex.get(m.laneId) ?? 0) - (m.type === "milestone" ? MILESTONE_LIFT : 0);
      g.data.push({ x, y, item: { mark: m } });
      groups.set(key, g);
    }
    return [...groups.entries()];
  }, [data.marks, laneIndex]);
  const buckets = useMemo<Datum[]>(
    () => data.buckets.map((b) => ({ x: (b.t + b.end) / 2, y: laneIndex.get(b.laneId) ?? 0, item: { bucket: b } })),
    [data.buckets, laneIndex],
  );
  const maxBucket = Math.max(1, ...data.buckets.map((b) => b.count));
  const visible = (a: number, b: number) => b > view.from && a < view.to;
  /** A mark or bucket as a link: focus and hover show it; a click opens it unless the plot was dragged. */
  const markLink = (item: Datum["item"], children: ReactNode) => {
    const d = describe(item);
    return (
      <a
        href={d.href}
        aria-label={`${d.meta}: ${d.title}`}
        className={MARK_CLASS}
        onFocus={() => onActive(item)}
        onMouseEnter={() => onActive(item)}
        onClick={(e) => {
          e.preventDefault();
          if (!dragging.current?.moved) router.push(d.href);
        }}
      >
        {children}
      </a>
    );
  };
  const renderPoint = (color: string, shape: string) =>
    function Point(props: unknown) {
      const { cx, cy, payload } = props as { cx?: number; cy?: number; payload: Datum };
      if (cx === undefined || cy === undefined || !("mark" in payload.item)) return <g />;
      const m = payload.item.mark;
      const startLabel = m.type === "milestone" && m.kind === "start" ? formatPrecisionDate(m.date, m.precision, locale) : null;
      return markLink(
        payload.item,
        <>
          {startLabel ? (
            // Centred over the mark, except at the plot's left edge, where half of it would be cut.
            <text x={cx < yWidth + 24 ? cx - 8 : cx} y={cy - 15} textAnchor={cx < yWidth + 24 ? "start" : "middle"} fontSize={12} fontWeight={600} fill="#0f172a" data-start-label>
              {startLabel}
            </text>
          ) : null}
          <Symbols cx={cx} cy={cy} type={shape as "circle"} size={150} fill={color} stroke="#ffffff" strokeWidth={1.5} />
        </>,
      );
    };
  const renderBucket = (props: unknown) => {
    const { cx, cy, payload } = props as { cx?: number; cy?: number; payload: Datum };
    if (cx === undefined || cy === undefined || !("bucket" in payload.item)) return <g />;
    const b = payload.item.bucket;
    const r = 4 + 11 * Math.sqrt(b.count / maxBucket);
    return markLink(payload.item, <circle cx={cx} cy={cy} r={r} fill="#0072B2" fillOpacity={0.55} stroke="#0f2c4f" strokeWidth={1} />);
  };


  return (
          <ScatterChart width={width} height={height} margin={{ top: 12, right: 24, bottom: 4, left: 0 }} accessibilityLayer={false}>
            <XAxis
              type="number"
              dataKey="x"
              domain={[view.from, view.to]}
              allowDataOverflow
              ticks={ticks}
              tickFormatter={(v: number) => formatPrecisionDate(isoDay(v), unit, locale)}
              height={AXIS_HEIGHT}
              tick={{ fontSize: 12, fill: "#334155" }}
              stroke="#94a3b8"
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[-0.5 - HEADROOM / LANE_HEIGHT, lanes.length - 0.5]}
              ticks={lanes.map((_, i) => i)}
              reversed
              allowDataOverflow
              width={yWidth}
              interval={0}
              tick={(tp) => {
                const p = { x: Number(tp.x), y: Number(tp.y) };
                const lane = lanes[Number((tp.payload as { value: number }).value)];
                if (!lane) return <g />;
                const since = lane.sinceDate && lane.sincePrecision ? formatPrecisionDate(lane.sinceDate, lane.sincePrecision, locale) : "";
                return (
                  <g data-lane={lane.slug}>
                    <text x={p.x - 6} y={p.y - 3} textAnchor="end" fontSize={yWidth < 150 ? 12 : 13} fontWeight={600} fill="#0f172a">
                      {truncate(laneName(lane, locale), yWidth < 150 ? 11 : 24)}
                    </text>
                    <text x={p.x - 6} y={p.y + 13} textAnchor="end" fontSize={yWidth < 150 ? 10 : 11} fill="#475569">
                      {since ? t("sinceShort", { date: since }) : ""}
                    </text>
                  </g>
                );
              }}
              stroke="#94a3b8"
            />
            {ticks.map((x) => (
              <ReferenceLine key={`g${x}`} x={x} stroke="#e2e8f0" ifOverflow="hidden" />
            ))}
            {lanes.flatMap((lane, i) => {
              const end = Math.min(data.today, view.to);
              const start = Math.max(lane.start, view.from);
              if (start >= end) return [];
              const pieces: { a: number; b: number; quiet: boolean }[] = [];
              let cursor = start;
              for (const [qa, qb] of lane.quiet) {
                const a = Math.max(qa, start);
                const b = Math.min(qb, end);
                if (b <= a) continue;
                if (a > cursor) pieces.push({ a: cursor, b: a, quiet: false });
                pieces.push({ a, b, quiet: true });
                cursor = b;
              }
              if (cursor < end) pieces.push({ a: cursor, b: end, quiet: false });
              return pieces.map((p) => (
                <ReferenceLine
                  key={`lane${lane.id}-${p.a}`}
                  segment={[
                    { x: p.a, y: i },
                    { x: p.b, y: i },
                  ]}
                  stroke={p.quiet ? "#64748b" : "#184c88"}
                  strokeWidth={p.quiet ? 2 : 4}
                  strokeDasharray={p.quiet ? "6 5" : undefined}
                  ifOverflow="hidden"
                />
              ));
            })}
            {data.marks.map((m) =>
              m.type === "milestone" && m.precision !== "day" && visible(m.t, m.end) ? (
                <ReferenceArea
                  key={`band${m.id}`}
                  x1={Math.max(m.t, view.from)}
                  x2={Math.min(m.end, view.to)}
                  y1={(laneIndex.get(m.laneId) ?? 0) - MILESTONE_LIFT - 0.14}
                  y2={(laneIndex.get(m.laneId) ?? 0) - MILESTONE_LIFT + 0.14}
                  fill="#000000"
                  fillOpacity={0.08}
                  stroke="#000000"
                  strokeOpacity={0.25}
                  ifOverflow="hidden"
                />
              ) : null,
            )}
            {data.today > view.from && data.today < view.to ? (
              <ReferenceLine x={data.today} stroke="#b91c1c" strokeDasharray="2 3" label={{ value: t("today"), position: "insideTopRight", fontSize: 11, fill: "#b91c1c" }} />
            ) : null}
            {buckets.length ? <Scatter data={buckets.filter((d) => d.x >= view.from && d.x <= view.to)} shape={renderBucket} isAnimationActive={false} /> : null}
            {series.map(([key, s]) => (
              <Scatter
                key={key}
                data={s.data.filter((d) => d.x >= view.from && d.x <= view.to)}
                shape={renderPoint(s.color, s.shape)}
                isAnimationActive={false}
              />
            ))}
          </ScatterChart>
  );
});
