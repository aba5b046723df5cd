// The meetings list's reads (GET /meetings/list.json) under the factory's keys.
import { queryOptions } from "@tanstack/react-query";
import { fetchJson, searchOf } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import type { MeetingListPage } from "./list-params";

export const meetingListQuery = (params: Record<string, string>) =>
  queryOptions({ queryKey: queryKeys.meetings.list(params), queryFn: () => fetchJson<MeetingListPage>(`/meetings/list.json${searchOf(params)}`) });
