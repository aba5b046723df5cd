"use client";
import { ChevronLeft, ChevronRight, Maximize2, ZoomIn, ZoomOut } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { cn } from "@/lib/cn";
import type { Locale } from "@/lib/format";
import { DAY, type TimelineData } from "@/lib/timeline";
import { ticksFor } from "@/lib/timeline-geometry";
import { AXIS_HEIGHT, HEADROOM, rightMargin } from "./canvas-layout";
import { describeItem, type ChartItem } from "./timeline-items";
import { TimelineLegend } from "./timeline-legend";
import { useTouchScreen } from "./use-touch";

// The plot (Recharts, about 108 KiB gzipped) loads after the page has painted: the box around it
// is sized by this component, so nothing moves when it arrives, and the list below carries the data.
const TimelineCanvas = dynamic(() => import("./timeline-canvas").then((m) => m.TimelineCanvas), { ssr: false });

const MIN_SPAN = 14 * DAY;
/** Below this width (px) lane names go above their lanes, so the plot keeps the width. */
const NARROW = 560;

export interface TimelineChartProps {
  data: TimelineData;
  locale: Locale;
  /** Asks for another period; null/null is "fit all". The owner loads the data and re-renders. */
  onWindow: (from: number | null, to: number | null) => void;
  pending?: boolean;
  /** Accessible name of the chart. */
  label: string;
}

export function TimelineChart({ data, locale, onWindow, pending, label }: TimelineChartProps) {
  const t = useTranslations("timeline");
  const te = useTranslations("enums");
  const tv = useTranslations("visits.status");
  const touch = useTouchScreen();
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [view, setView] = useState({ from: data.from, to: data.to });
  const [active, setActive] = useState<ChartItem | null>(null);
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
  const narrow = width > 0 && width < NARROW;
  const yWidth = narrow ? 8 : 190;
  // A phone's lanes are taller: the name needs its own line above the marks.
  const laneHeight = narrow ? 104 : 64;
  const height = Math.max(1, lanes.length) * laneHeight + HEADROOM + AXIS_HEIGHT + 16;
  const plotWidth = Math.max(1, width - yWidth - rightMargin(narrow));
  const { ticks, unit } = useMemo(() => ticksFor(view.from, view.to, plotWidth, narrow ? 64 : 90), [view.from, view.to, plotWidth, narrow]);

  const describe = (item: ChartItem) => describeItem(item, { t, te, tv, laneById, locale });

  // Stable while the owner's onWindow is: the memoised canvas must not redraw (and drop focus) on hover.
  const go = useCallback(
    (from: number, to: number) => {
      const span = Math.max(MIN_SPAN, to - from);
      const mid = (from + to) / 2;
      const f = Math.round(from === to ? mid - span / 2 : from);
      const next = { from: f, to: f + span };
      setView(next);
      onWindow(next.from, next.to);
    },
    [onWindow],
  );
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
          <TimelineCanvas
            data={data}
            view={view}
            width={width}
            height={height}
            yWidth={yWidth}
            laneHeight={laneHeight}
            narrow={narrow}
            ticks={ticks}
            unit={unit}
            locale={locale}
            onActive={setActive}
            onZoom={go}
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
          <p className="text-slate-600">{t(touch ? "hintTouch" : "hint")}</p>
        )}
      </div>
      <TimelineLegend hasBuckets={data.buckets.length > 0} hasVisitBuckets={data.visitBuckets.length > 0} hasCancelledVisits={data.visits.some((v) => v.status === "cancelled")} />
    </div>
  );
}

