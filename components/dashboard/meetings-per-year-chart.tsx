"use client";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { MeetingsPerYearPlot } from "./meetings-per-year-plot";

export type { SeriesPartner } from "./meetings-per-year-plot";

// Recharts (about 108 KiB gzipped) loads after the page has painted, into a box already its size.
const Plot = dynamic(() => import("./meetings-per-year-plot").then((m) => m.MeetingsPerYearPlot), { ssr: false });

/** Stacked bars: meetings per year, one colour per partner. Decorative for assistive tech: the table beside it carries the figures. */
export function MeetingsPerYearChart(props: ComponentProps<typeof MeetingsPerYearPlot>) {
  return (
    <div className="h-80 w-full min-w-0 overflow-hidden" aria-hidden>
      <Plot {...props} />
    </div>
  );
}
