// A write (a command: a server action answering a CommandResult) as a TanStack mutation that owns
// what the write makes stale. Each area's queries.ts names its writes with `command()` and exports
// a hook per write; components call the hook and never invalidate by hand.
import { useMutation, useQueryClient, type MutationOptions, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { CommandResult } from "@/lib/types/command";

export interface Command<I, T> {
  run: (input: I) => Promise<CommandResult<T>>;
  /** The query keys a successful write makes stale (each one also covers the keys below it). */
  invalidates: (input: I, data: T) => readonly QueryKey[];
  /**
   * Also re-render the server page in place: its server components read the same rows. Leave it
   * off for a write after which the component navigates away (the next page renders fresh).
   */
  refresh?: boolean;
}

/** Names a write, typed by its inputs and its answer. */
export const command = <I, T>(c: Command<I, T>): Command<I, T> => c;

/**
 * The mutation for a command: a refused write (`ok: false`) invalidates nothing. `mutateAsync`
 * resolves once the keys are invalidated (and active queries refetched), so a toast after it
 * never announces data the screen does not show yet.
 */
export function commandMutation<I, T>(qc: QueryClient, refresh: () => void, c: Command<I, T>): MutationOptions<CommandResult<T>, Error, I> {
  return {
    mutationFn: c.run,
    onSuccess: async (r, input) => {
      if (!r.ok) return;
      await Promise.all(c.invalidates(input, r.data).map((queryKey) => qc.invalidateQueries({ queryKey })));
      if (c.refresh) refresh();
    },
  };
}

/** The hook an area's `useX()` wraps. */
export function useCommand<I, T>(c: Command<I, T>) {
  const qc = useQueryClient();
  const router = useRouter();
  return useMutation(commandMutation(qc, () => router.refresh(), c));
}
