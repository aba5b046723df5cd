"use client";
import { useSyncExternalStore } from "react";

const noopSubscribe = () => () => {};

/**
 * False in the server render and while hydrating, true once React has taken over the page's
 * controls: specs wait for it (a change made before is not seen), and styles can use it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}
