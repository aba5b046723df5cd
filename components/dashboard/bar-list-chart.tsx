"use client";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { BarListPlot } from "./bar-list-plot";

// Recharts (about 108 KiB gzipped) loads after the page has painted, into a box already its size.
const Plot = dynamic(() => import("./bar-list-plot").then((m) => m.BarListPlot), { ssr: false });

/** Horizontal bars with a label each (statuses, partners). The table beside it carries the figures. */
export function BarListChart(props: Omit<ComponentProps<typeof BarListPlot>, "height">) {
  const height = Math.max(160, props.rows.length * 36 + 56);
  return (
    <div className="w-full min-w-0 overflow-hidden" style={{ height }} aria-hidden>
      <Plot {...props} height={height} />
    </div>
  );
}
