// The people area's reads (GET /people/list.json) and writes, with the keys each write makes stale.
import { queryOptions } from "@tanstack/react-query";
import { command, useCommand } from "@/lib/query/command-mutation";
import { fetchJson, searchOf, withDates } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";
import { type PeoplePage } from "@/lib/types/lists";
import { archivePerson, removePerson, savePerson } from "./commands";

export const peopleListQuery = (params: Record<string, string>) =>
  queryOptions({
    queryKey: queryKeys.people.list(params),
    queryFn: async () => withDates(await fetchJson<PeoplePage>(`/people/list.json${searchOf(params)}`), ["archivedAt"]),
  });

// A person shows in the people list and in the meeting form's participant options.
const personKeys = () => [queryKeys.people.all, queryKeys.meetings.peopleOptionsAll];

/** Saves the person form (a new person when `id` is null); the form then opens the person. */
export const savePersonCommand = command({
  run: ({ id, input }: { id: number | null; input: Record<string, unknown> }) => savePerson(id, input),
  invalidates: personKeys,
});
export const useSavePerson = () => useCommand(savePersonCommand);

/** Archives or restores a person from their page, which re-renders in place. */
export const archivePersonCommand = command({
  run: ({ id, archived }: { id: number; archived: boolean }) => archivePerson(id, archived),
  invalidates: personKeys,
  refresh: true,
});
export const useArchivePerson = () => useCommand(archivePersonCommand);

/** Deletes a person nothing refers to; the page then goes back to the list. */
export const removePersonCommand = command({ run: (id: number) => removePerson(id), invalidates: personKeys });
export const useRemovePerson = () => useCommand(removePersonCommand);
