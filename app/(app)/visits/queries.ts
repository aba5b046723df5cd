// The visits area's writes, with what each makes stale. A visit's page is rendered on the server:
// its writes re-render it in place (`refresh`); the ones that touch meetings mark those lists too.
import { command, useCommand } from "@/lib/query/command-mutation";
import { queryKeys } from "@/lib/query/keys";
import { programmeItemToMeetingAction, recordPlannedGiftAction, saveVisitAction, setChecklistDoneAction } from "./commands";

/** Saves the whole visit form (a new visit when `id` is undefined); the form then opens the visit. */
export const saveVisit = command({
  run: ({ payload, id }: { payload: unknown; id?: number }) => saveVisitAction(payload, id),
  // The visit, programme items and gifts show on meeting and partner pages, which the server
  // action revalidates; in the browser's cache only the timeline holds them.
  invalidates: () => [queryKeys.timeline.all],
});
export const useSaveVisit = () => useCommand(saveVisit);

/** Ticks a checklist item against the visit's version. */
export const tickChecklist = command({
  run: ({ visitId, input }: { visitId: number; input: { itemId: number; done: boolean; version: number } }) => setChecklistDoneAction(visitId, input),
  invalidates: () => [],
  refresh: true,
});
export const useTickChecklist = () => useCommand(tickChecklist);

/** Records a planned gift as given at one of the visit's held meetings (the meeting shows it). */
export const recordPlannedGift = command({
  run: ({ visitId, input }: { visitId: number; input: { plannedGiftId: number; meetingId: number; version: number } }) => recordPlannedGiftAction(visitId, input),
  invalidates: () => [queryKeys.meetings.all],
  refresh: true,
});
export const useRecordPlannedGift = () => useCommand(recordPlannedGift);

/** Records a programme item as a held meeting: a new row in the meetings lists and the timeline. */
export const programmeItemToMeeting = command({
  run: ({ visitId, itemId, version }: { visitId: number; itemId: number; version: number }) => programmeItemToMeetingAction(visitId, itemId, version),
  invalidates: () => [queryKeys.meetings.all, queryKeys.timeline.all],
  refresh: true,
});
export const useProgrammeItemToMeeting = () => useCommand(programmeItemToMeeting);
