"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Locale } from "@/lib/format";
import { DAY, isoDay, type TimelineData } from "@/lib/timeline";
import { TimelineChart } from "./timeline-chart";

/** One lane; zooming and panning fetch the period from the API (the partner page's URL is not ours). */
export function PartnerTimelineChart({ initial, slug, locale, label }: { initial: TimelineData; slug: string; locale: Locale; label: string }) {
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const q = useQuery({
    queryKey: ["timeline", slug, period?.from ?? null, period?.to ?? null],
    queryFn: async () => {
      const sp = new URLSearchParams({ partner: slug });
      if (period) {
        sp.set("from", period.from);
        sp.set("to", period.to);
      }
      const r = await fetch(`/api/v1/timeline?${sp.toString()}`);
      if (!r.ok) throw new Error(`timeline ${r.status}`);
      return (await r.json()) as TimelineData;
    },
    initialData: period ? undefined : initial,
    placeholderData: keepPreviousData,
  });
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
