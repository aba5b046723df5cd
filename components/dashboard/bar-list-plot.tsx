"use client";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, type Locale } from "@/lib/format";

/** The Recharts part of `BarListChart`, which sizes the box and loads this after the page paints. */
export function BarListPlot({
  height,
  rows,
  locale,
  axis,
  unit,
}: {
  /** `note` is written beside a bar that has no value to show ("no contact yet"). */
  rows: { label: string; value: number; color: string; note?: string }[];
  locale: Locale;
  axis: string;
  unit?: string;
  height: number;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 300, height }}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis
          type="number"
          allowDecimals={false}
          tickFormatter={(n: number) => formatNumber(n, locale)}
          tick={{ fontSize: 12, fill: "#334155" }}
          label={{ value: axis, position: "insideBottom", offset: -16, fontSize: 12, fill: "#334155" }}
        />
        <YAxis type="category" dataKey="label" width={132} tick={{ fontSize: 12, fill: "#0f172a" }} interval={0} />
        <Tooltip
          formatter={(v, _n, item) => [(item.payload as { note?: string }).note ?? `${formatNumber(Number(v), locale)}${unit ? ` ${unit}` : ""}`, axis]}
          cursor={{ fill: "#f1f5f9" }}
        />
        {/* A noted row gets a sliver of a bar, so its note has a place to be written. */}
        <Bar dataKey="value" isAnimationActive={false} barSize={20} minPointSize={(_v, i) => (rows[i]?.note ? 2 : 0)}>
          {rows.map((r) => (
            <Cell key={r.label} fill={r.color} />
          ))}
          <LabelList dataKey="note" position="right" fontSize={12} fill="#334155" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
