"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Locale } from "@/lib/format";
import { DAY, isoDay, type TimelineData } from "@/lib/timeline";
import { partnerTimelineQuery } from "./queries";
import { TimelineChart } from "./timeline-chart";

/** One lane; zooming and panning fetch the period from the API (the partner page's URL is not ours). */
export function PartnerTimelineChart({ initial, slug, locale, label }: { initial: TimelineData; slug: string; locale: Locale; label: string }) {
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const q = useQuery(partnerTimelineQuery(slug, period, initial));
  const data = q.data ?? initial;
  return (
    <TimelineChart
      key={`${data.from}:${data.to}`}
      data={data}
      locale={locale}
      label={label}
      pending={q.isFetching}
      onWindow={(from, to) => setPeriod(from === null || to === null ? null : { from: isoDay(from), to: isoDay(Math.max(from, to - DAY)) })}
    />
  );
}
