// The reports area's writes: calendar feeds, listed by the server page, which re-renders in place.
import { command, useCommand } from "@/lib/query/command-mutation";
import { createCalendarFeed, revokeCalendarFeed } from "./commands";

export const createFeed = command({ run: (input: { name: string; partnerId?: string }) => createCalendarFeed(input), invalidates: () => [], refresh: true });
export const useCreateFeed = () => useCommand(createFeed);

export const revokeFeed = command({ run: (id: number) => revokeCalendarFeed(id), invalidates: () => [], refresh: true });
export const useRevokeFeed = () => useCommand(revokeFeed);
