// The partners list's reads (GET /partners/list.json) under the factory's keys.
import { queryOptions } from "@tanstack/react-query";
import { fetchJson, searchOf, withDates } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { type PartnerPage } from "@/lib/types/lists";

export const partnerListQuery = (params: Record<string, string>) =>
  queryOptions({
    queryKey: queryKeys.partners.list(params),
    queryFn: async () => withDates(await fetchJson<PartnerPage>(`/partners/list.json${searchOf(params)}`), ["archivedAt", "lastContactAt"]),
  });
