// The follow-ups list's reads (GET /actions/list.json) under the factory's keys.
import { queryOptions } from "@tanstack/react-query";
import { fetchJson, searchOf, withDates } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import type { ActionListPage } from "./list-page";

export const actionListQuery = (params: Record<string, string>) =>
  queryOptions({
    queryKey: queryKeys.actions.list(params),
    queryFn: async () => withDates(await fetchJson<ActionListPage>(`/actions/list.json${searchOf(params)}`), ["archivedAt"]),
  });
