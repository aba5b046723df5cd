// The meetings area's reads (GET /meetings/list.json) and writes, with the keys each write makes stale.
import { queryOptions } from "@tanstack/react-query";
import { command, useCommand } from "@/lib/query/command-mutation";
import { fetchJson, searchOf } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import type { MeetingListPage } from "@/lib/types/lists";
import { saveMeetingAction, setMeetingArchivedAction } from "./commands";

export const meetingListQuery = (params: Record<string, string>) =>
  queryOptions({ queryKey: queryKeys.meetings.list(params), queryFn: () => fetchJson<MeetingListPage>(`/meetings/list.json${searchOf(params)}`) });

// A meeting shows in the meetings lists and on its partner's timeline.
const meetingKeys = () => [queryKeys.meetings.all, queryKeys.timeline.all];

/** Saves the meeting form (a new meeting when `id` is undefined); the form then opens the meeting. */
export const saveMeeting = command({
  run: ({ payload, id }: { payload: unknown; id?: number }) => saveMeetingAction(payload, id),
  invalidates: meetingKeys,
});
export const useSaveMeeting = () => useCommand(saveMeeting);

/** Archives or restores a meeting from its page, which re-renders in place. */
export const archiveMeeting = command({
  run: ({ id, archived }: { id: number; archived: boolean }) => setMeetingArchivedAction(id, archived),
  invalidates: meetingKeys,
  refresh: true,
});
export const useArchiveMeeting = () => useCommand(archiveMeeting);
