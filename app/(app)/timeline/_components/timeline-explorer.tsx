"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { TimelineChart } from "@/components/timeline/timeline-chart";
import type { Locale } from "@/lib/format";
import { DAY, isoDay, type TimelineData } from "@/lib/timeline";

/** The /timeline chart: zooming and panning rewrite the period in the URL, and the server redraws. */
export function TimelineExplorer({ data, locale, label }: { data: TimelineData; locale: Locale; label: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, start] = useTransition();
  function onWindow(from: number | null, to: number | null) {
    const sp = new URLSearchParams(params.toString());
    sp.delete("year");
    if (from === null || to === null) {
      sp.delete("from");
      sp.delete("to");
    } else {
      sp.set("from", isoDay(from));
      sp.set("to", isoDay(Math.max(from, to - DAY)));
    }
    const qs = sp.toString();
    start(() => router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }
  return <TimelineChart key={`${data.from}:${data.to}`} data={data} locale={locale} onWindow={onWindow} pending={pending} label={label} />;
}
