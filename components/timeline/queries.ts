// The timeline's reads: one partner's lane for a period, over GET /api/v1/timeline.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { TimelineData } from "@/lib/timeline";
import { fetchJson, searchOf } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

/** `period` null: the partner page's own period, which the server page rendered (`initial`). */
export const partnerTimelineQuery = (slug: string, period: { from: string; to: string } | null, initial: TimelineData) =>
  queryOptions({
    queryKey: queryKeys.timeline.partner(slug, period?.from ?? null, period?.to ?? null),
    queryFn: () => fetchJson<TimelineData>(`/api/v1/timeline${searchOf({ partner: slug, from: period?.from, to: period?.to })}`),
    initialData: period ? undefined : initial,
    placeholderData: keepPreviousData,
  });
