// The partners area's reads (GET /partners/list.json) and writes, with the keys each write makes stale.
import { queryOptions } from "@tanstack/react-query";
import { command, useCommand } from "@/lib/query/command-mutation";
import { fetchJson, searchOf, withDates } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { type PartnerPage } from "@/lib/types/lists";
import { archiveMilestone, archivePartner, removePartner, saveMilestone, savePartner } from "./commands";

export const partnerListQuery = (params: Record<string, string>) =>
  queryOptions({
    queryKey: queryKeys.partners.list(params),
    queryFn: async () => withDates(await fetchJson<PartnerPage>(`/partners/list.json${searchOf(params)}`), ["archivedAt", "lastContactAt"]),
  });

// A partner's name and state show in the partners list, the lists that name it, and its timeline.
const partnerKeys = () => [queryKeys.partners.all, queryKeys.timeline.all];

/** Saves the partner form (a new partner when `id` is null); the form then opens the partner. */
export const savePartnerCommand = command({
  run: ({ id, input }: { id: number | null; input: Record<string, unknown> }) => savePartner(id, input),
  invalidates: partnerKeys,
});
export const useSavePartner = () => useCommand(savePartnerCommand);

/** Archives or restores a partner from its page, which re-renders in place. */
export const archivePartnerCommand = command({
  run: ({ id, archived }: { id: number; archived: boolean }) => archivePartner(id, archived),
  invalidates: partnerKeys,
  refresh: true,
});
export const useArchivePartner = () => useCommand(archivePartnerCommand);

/** Deletes a partner nothing refers to; the page then goes back to the list. */
export const removePartnerCommand = command({ run: (id: number) => removePartner(id), invalidates: partnerKeys });
export const useRemovePartner = () => useCommand(removePartnerCommand);

/** Saves or archives a milestone on the partner's page (its timeline shows milestones). */
export const saveMilestoneCommand = command({
  run: ({ id, input }: { id: number | null; input: Record<string, unknown> }) => saveMilestone(id, input),
  invalidates: () => [queryKeys.timeline.all],
  refresh: true,
});
export const useSaveMilestone = () => useCommand(saveMilestoneCommand);

export const archiveMilestoneCommand = command({
  run: ({ id, archived }: { id: number; archived: boolean }) => archiveMilestone(id, archived),
  invalidates: () => [queryKeys.timeline.all],
  refresh: true,
});
export const useArchiveMilestone = () => useCommand(archiveMilestoneCommand);
