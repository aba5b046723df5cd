"use client";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatPrecisionDate, type Locale } from "@/lib/format";

export interface SeriesPartner {
  id: number;
  name: string;
  color: string;
}

/** The Recharts part of `MeetingsPerYearChart`, which sizes the box and loads this after the page paints. */
export function MeetingsPerYearPlot({
  rows,
  partners,
  locale,
  axisX,
  axisY,
}: {
  rows: ({ year: number } & Record<string, number>)[];
  partners: SeriesPartner[];
  locale: Locale;
  axisX: string;
  axisY: string;
}) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 300, height: 320 }}>
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis
          dataKey="year"
          tickFormatter={(y: number) => formatPrecisionDate(String(y), "year", locale)}
          tick={{ fontSize: 12, fill: "#334155" }}
          label={{ value: axisX, position: "insideBottom", offset: -16, fontSize: 12, fill: "#334155" }}
        />
        <YAxis
          allowDecimals={false}
          tickFormatter={(n: number) => formatNumber(n, locale)}
          tick={{ fontSize: 12, fill: "#334155" }}
          width={64}
          label={{ value: axisY, angle: -90, position: "insideLeft", offset: 0, fontSize: 12, fill: "#334155", style: { textAnchor: "middle" } }}
        />
        <Tooltip
          formatter={(v, name) => [formatNumber(Number(v), locale), name]}
          labelFormatter={(y) => formatPrecisionDate(String(y as number), "year", locale)}
          cursor={{ fill: "#f1f5f9" }}
        />
        <Legend verticalAlign="top" height={32} iconType="square" itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={(v: string) => <span style={{ color: "#0f172a" }}>{v}</span>} />
        {partners.map((p) => (
          <Bar key={p.id} dataKey={String(p.id)} name={p.name} stackId="a" fill={p.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
