"use client";
import { useRef, useTransition } from "react";
import type { CommandError, CommandResult } from "@/lib/types/command";

/**
 * Runs a command (a server action or a mutation's `mutateAsync`, answering `CommandResult`) with a
 * pending state, then hands the answer on. The kit's bottom layer: buttons and toggles use it as
 * is; `useCommandForm` adds field errors, messages and focus. A press while one run is still under
 * way is ignored, so a double click saves once. It has no words of its own, so any page may use it.
 */
export function useCommand<A extends unknown[], T>(
  command: (...args: A) => Promise<CommandResult<T>>,
  on: {
    onSuccess?: (data: T, ...args: A) => void | Promise<void>;
    onFailure?: (error: CommandError, ...args: A) => void;
  } = {},
) {
  const [pending, start] = useTransition();
  const busy = useRef(false);
  const trigger = (...args: A) => {
    if (busy.current) return;
    busy.current = true;
    start(async () => {
      try {
        const r = await command(...args);
        if (r.ok) await on.onSuccess?.(r.data, ...args);
        else on.onFailure?.(r.error, ...args);
      } finally {
        busy.current = false;
      }
    });
  };
  return { trigger, pending };
}
