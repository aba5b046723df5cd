"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { memo, useMemo, type ReactNode, type RefObject } from "react";
import { ReferenceArea, ReferenceLine, Scatter, ScatterChart, Symbols, XAxis, YAxis } from "recharts";
import { formatNumber, formatPrecisionDate, type Locale } from "@/lib/format";
import { isoDay, markStyle, VISIT_FILL, VISIT_STROKE, type TimelineData } from "@/lib/timeline";
import { groupRow, pixelScale, stackLevels, type Placed } from "@/lib/timeline-geometry";
import { AXIS_HEIGHT, HEADROOM, rightMargin } from "./canvas-layout";
import { laneName } from "./lane-name";
import { describeItem, type ChartItem } from "./timeline-items";

/** A point of the chart. */
type Datum = { x: number; y: number; item: ChartItem };

const TOP = 12;
const MARK_CLASS = "tl-mark cursor-pointer [&:is(:focus,:hover)_:is(path,circle,rect)]:stroke-[#0f172a] [&:is(:focus,:hover)_:is(path,circle,rect)]:[stroke-width:2.5px]";
/** Milestones sit just above their lane, meetings on it, visits below it: all three show on one day. */
const MILESTONE_LIFT = 0.2;
const VISIT_DROP = 0.3;
/** On a phone the next lane's name sits between the lanes: two stacked visit bars must end above it. */
const VISIT_DROP_NARROW = 0.2;
const VISIT_BAR = 8;


function truncate(s: string, n: number) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export interface CanvasProps {
  data: TimelineData;
  view: { from: number; to: number };
  width: number;
  height: number;
  yWidth: number;
  laneHeight: number;
  /** A phone: lane names sit above their lanes, and the plot takes the width. */
  narrow: boolean;
  ticks: number[];
  unit: "year" | "month" | "day";
  locale: Locale;
  onActive: (item: ChartItem) => void;
  /** Opens a group: shows its period. */
  onZoom: (from: number, to: number) => void;
  dragging: RefObject<{ moved: boolean } | null>;
}

/**
 * The Recharts drawing, with the visit bars in an SVG layer of the same size above it. Memoised:
 * showing an event's details must not redraw the marks, or the focused mark would be replaced.
 */
export const TimelineCanvas = memo(function TimelineCanvas(p: CanvasProps) {
  const { data, view, width, height, yWidth, laneHeight, narrow, ticks, unit, locale, onActive, onZoom, dragging } = p;
  const t = useTranslations("timeline");
  const te = useTranslations("enums");
  const tv = useTranslations("visits.status");
  const router = useRouter();
  const lanes = data.lanes;
  const laneIndex = useMemo(() => new Map(lanes.map((l, i) => [l.id, i])), [lanes]);
  const laneById = useMemo(() => new Map(lanes.map((l) => [l.id, l])), [lanes]);
  const describe = (item: ChartItem) => describeItem(item, { t, te, tv, laneById, locale });
  const right = rightMargin(narrow);
  const plotWidth = Math.max(1, width - yWidth - right);
  const xPx = pixelScale(view, yWidth, plotWidth);
  const laneY = (i: number) => TOP + HEADROOM + laneHeight / 2 + i * laneHeight;

  // Everything visible, grouped per lane and row where marks would overlap at this zoom.
  const { series, buckets, groups } = useMemo(() => {
    const rows = new Map<string, { laneId: number; row: "above" | "lane"; items: Placed<ChartItem>[] }>();
    const place = (laneId: number, row: "above" | "lane", x: number, t0: number, t1: number, count: number, item: ChartItem) => {
      if (x < view.from || x > view.to) return;
      const key = `${laneId}|${row}`;
      const r = rows.get(key) ?? { laneId, row, items: [] };
      r.items.push({ x: xPx(x), t0, t1, count, item });
      rows.set(key, r);
    };
    for (const m of data.marks) {
      // A date known only to the year or month sits in the middle of its period, over a band.
      if (m.type === "milestone") place(m.laneId, "above", m.precision !== "day" ? (m.t + m.end) / 2 : m.t, m.t, m.end, 1, { mark: m });
      else place(m.laneId, "lane", m.t, m.t, m.t + 1, 1, { mark: m });
    }
    for (const b of data.buckets) place(b.laneId, "lane", (b.t + b.end) / 2, b.t, b.end, b.count, { bucket: b });
    const series = new Map<string, { shape: string; color: string; data: Datum[] }>();
    const buckets: Datum[] = [];
    const groups: Datum[] = [];
    // Milestones first: on one day the start comes before the meeting, for the eye and for Tab.
    for (const r of [...rows.values()].sort((a, b) => (a.row === b.row ? 0 : a.row === "above" ? -1 : 1))) {
      const y = (laneIndex.get(r.laneId) ?? 0) - (r.row === "above" ? MILESTONE_LIFT : 0);
      for (const g of groupRow(r.items)) {
        const x = view.from + ((g.x - yWidth) / plotWidth) * (view.to - view.from);
        const one = g.items[0]!;
        if (g.items.length > 1) groups.push({ x, y, item: { group: g, laneId: r.laneId, row: r.row } });
        else if ("bucket" in one) buckets.push({ x, y, item: one });
        else if ("mark" in one) {
          const s = markStyle(one.mark);
          const key = `${s.shape}|${s.color}`;
          const entry = series.get(key) ?? { ...s, data: [] };
          entry.data.push({ x, y, item: one });
          series.set(key, entry);
        }
      }
    }
    return { series: [...series.entries()], buckets, groups };
    // xPx is derived from view, yWidth and plotWidth.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data.marks, data.buckets, laneIndex, view.from, view.to, yWidth, plotWidth]);

  const maxBucket = Math.max(1, ...data.buckets.map((b) => b.count));
  const visible = (a: number, b: number) => b > view.from && a < view.to;
  /** An item as a link: focus and hover show it; a click opens it (a group: zooms) unless the plot was dragged. */
  const markLink = (item: ChartItem, row: string, children: ReactNode) => {
    const d = describe(item);
    return (
      <a
        href={d.href}
        aria-label={d.label}
        className={MARK_CLASS}
        data-row={row}
        onFocus={() => onActive(item)}
        onMouseEnter={() => onActive(item)}
        onClick={(e) => {
          e.preventDefault();
          if (dragging.current?.moved) return;
          if ("group" in item) {
            const pad = Math.max(2 * 86_400_000, (item.group.t1 - item.group.t0) * 0.15);
            onZoom(item.group.t0 - pad, item.group.t1 + pad);
          } else if ("visitBucket" in item) onZoom(item.visitBucket.t, item.visitBucket.end);
          else router.push(d.href);
        }}
      >
        {children}
      </a>
    );
  };
  const rowOf = (y: number) => (Number.isInteger(y) ? "lane" : "above");
  const renderPoint = (color: string, shape: string) =>
    function Point(props: unknown) {
      const { cx, cy, payload } = props as { cx?: number; cy?: number; payload: Datum };
      if (cx === undefined || cy === undefined || !("mark" in payload.item)) return <g />;
      const m = payload.item.mark;
      const startLabel = m.type === "milestone" && m.kind === "start" ? formatPrecisionDate(m.date, m.precision, locale) : null;
      return markLink(
        payload.item,
        rowOf(payload.y),
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
    const r = 4 + 7 * Math.sqrt(payload.item.bucket.count / maxBucket);
    return markLink(payload.item, "lane", <circle cx={cx} cy={cy} r={r} fill="#0072B2" fillOpacity={0.55} stroke="#0f2c4f" strokeWidth={1} />);
  };
  const renderGroup = (props: unknown) => {
    const { cx, cy, payload } = props as { cx?: number; cy?: number; payload: Datum };
    if (cx === undefined || cy === undefined || !("group" in payload.item)) return <g />;
    const n = formatNumber(payload.item.group.count, locale);
    const r = n.length > 2 ? 13 : 10;
    return markLink(
      payload.item,
      payload.item.row,
      <>
        <circle cx={cx} cy={cy} r={r} fill="#ffffff" stroke="#0f172a" strokeWidth={1.5} />
        <text x={cx} y={cy + 4} textAnchor="middle" fontSize={n.length > 2 ? 10 : 11} fontWeight={700} fill="#0f172a" aria-hidden>
          {n}
        </text>
      </>,
    );
  };

  // Visits: bars over their days below the lane, stacked when two overlap on one lane.
  const bars = useMemo(() => {
    const left = yWidth;
    const rightEdge = yWidth + plotWidth;
    const shown = data.visits
      .filter((v) => visible(v.t, v.end) && laneIndex.has(v.laneId))
      .map((v) => {
        const a = Math.max(left, xPx(v.t));
        const b = Math.min(rightEdge, Math.max(xPx(v.end), a + 6));
        return { v, x1: Math.min(a, rightEdge - 6), x2: b };
      });
    const levels = new Map<number, number[]>();
    for (const laneId of new Set(shown.map((s) => s.v.laneId))) {
      const mine = shown.filter((s) => s.v.laneId === laneId);
      levels.set(laneId, stackLevels(mine));
    }
    const seen = new Map<number, number>();
    return shown.map((s) => {
      const i = seen.get(s.v.laneId) ?? 0;
      seen.set(s.v.laneId, i + 1);
      const level = Math.min(1, levels.get(s.v.laneId)![i]!);
      const drop = narrow ? VISIT_DROP_NARROW : VISIT_DROP;
      return { ...s, y: laneY(laneIndex.get(s.v.laneId)!) + drop * laneHeight - VISIT_BAR / 2 + level * (VISIT_BAR + 2) };
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data.visits, laneIndex, view.from, view.to, yWidth, plotWidth, laneHeight, narrow]);

  // Counted visits (a busy period): one bar per partner and month or year, darker for more.
  const visitBuckets = useMemo(() => {
    const left = yWidth;
    const rightEdge = yWidth + plotWidth;
    const most = Math.max(1, ...data.visitBuckets.map((b) => b.count));
    return data.visitBuckets
      .filter((b) => visible(b.t, b.end) && laneIndex.has(b.laneId))
      .map((b) => {
        const x1 = Math.max(left, xPx(b.t));
        const x2 = Math.min(rightEdge, xPx(b.end));
        const drop = narrow ? VISIT_DROP_NARROW : VISIT_DROP;
        return { b, x1, width: Math.max(3, x2 - x1 - 1), y: laneY(laneIndex.get(b.laneId)!) + drop * laneHeight - VISIT_BAR / 2, opacity: 0.3 + 0.65 * Math.sqrt(b.count / most) };
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data.visitBuckets, laneIndex, view.from, view.to, yWidth, plotWidth, laneHeight, narrow]);

  return (
    <>
      <ScatterChart width={width} height={height} margin={{ top: TOP, right, bottom: 4, left: 0 }} accessibilityLayer={false}>
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
          domain={[-0.5 - HEADROOM / laneHeight, lanes.length - 0.5]}
          ticks={lanes.map((_, i) => i)}
          reversed
          allowDataOverflow
          width={yWidth}
          interval={0}
          tick={(tp) => {
            const y = Number(tp.y);
            const lane = lanes[Number((tp.payload as { value: number }).value)];
            if (!lane) return <g />;
            const since = lane.sinceDate && lane.sincePrecision ? formatPrecisionDate(lane.sinceDate, lane.sincePrecision, locale) : "";
            const sinceText = since ? t("sinceShort", { date: since }) : "";
            if (narrow)
              // On a phone the name sits above its lane, over the plot, instead of in a column beside it.
              return (
                <g data-lane={lane.slug}>
                  <text x={yWidth + 2} y={y - laneHeight / 2 - 4} textAnchor="start" fontSize={12} fill="#0f172a">
                    <tspan fontWeight={600}>{truncate(laneName(lane, locale), 30)}</tspan>
                    <tspan fill="#475569" fontSize={11}>{sinceText ? ` · ${sinceText}` : ""}</tspan>
                  </text>
                </g>
              );
            const x = Number(tp.x);
            return (
              <g data-lane={lane.slug}>
                <text x={x - 6} y={y - 3} textAnchor="end" fontSize={13} fontWeight={600} fill="#0f172a">
                  {truncate(laneName(lane, locale), 24)}
                </text>
                <text x={x - 6} y={y + 13} textAnchor="end" fontSize={11} fill="#475569">
                  {sinceText}
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
          return pieces.map((piece) => (
            <ReferenceLine
              key={`lane${lane.id}-${piece.a}`}
              segment={[
                { x: piece.a, y: i },
                { x: piece.b, y: i },
              ]}
              stroke={piece.quiet ? "#64748b" : "#184c88"}
              strokeWidth={piece.quiet ? 2 : 4}
              strokeDasharray={piece.quiet ? "6 5" : undefined}
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
        {buckets.length ? <Scatter data={buckets} shape={renderBucket} isAnimationActive={false} /> : null}
        {series.map(([key, s]) => (
          <Scatter key={key} data={s.data} shape={renderPoint(s.color, s.shape)} isAnimationActive={false} />
        ))}
        {groups.length ? <Scatter data={groups} shape={renderGroup} isAnimationActive={false} /> : null}
      </ScatterChart>
      {bars.length || visitBuckets.length ? (
        <svg className="pointer-events-none absolute inset-0" width={width} height={height} aria-hidden={false} data-testid="timeline-visits">
          {visitBuckets.map(({ b, x1, width: w, y, opacity }) => (
            <g key={`vb${b.laneId}-${b.key}`} className="pointer-events-auto" data-visit-bucket={b.count}>
              {markLink({ visitBucket: b }, "visit", <rect x={x1} y={y} width={w} height={VISIT_BAR} rx={2} fill={VISIT_FILL} fillOpacity={opacity} stroke={VISIT_STROKE} strokeWidth={1} />)}
            </g>
          ))}
          {bars.map(({ v, x1, x2, y }) => {
            const cancelled = v.status === "cancelled";
            return (
              <g key={`v${v.id}-${v.laneId}`} className="pointer-events-auto" data-visit={v.id}>
                {markLink(
                  { visit: v },
                  "visit",
                  <rect
                    x={x1}
                    y={y}
                    width={x2 - x1}
                    height={VISIT_BAR}
                    rx={3}
                    fill={VISIT_FILL}
                    fillOpacity={cancelled ? 0.25 : 0.8}
                    stroke={VISIT_STROKE}
                    strokeWidth={1}
                    strokeDasharray={cancelled ? "3 2" : undefined}
                  />,
                )}
              </g>
            );
          })}
        </svg>
      ) : null}
    </>
  );
});
