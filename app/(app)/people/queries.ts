// The people list's reads (GET /people/list.json) under the factory's keys.
import { queryOptions } from "@tanstack/react-query";
import { fetchJson, searchOf, withDates } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { type PeoplePage } from "@/lib/types/lists";

export const peopleListQuery = (params: Record<string, string>) =>
  queryOptions({
    queryKey: queryKeys.people.list(params),
    queryFn: async () => withDates(await fetchJson<PeoplePage>(`/people/list.json${searchOf(params)}`), ["archivedAt"]),
  });
