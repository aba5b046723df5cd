"use client";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { setFollow } from "@/app/(app)/notifications/commands";
import { command, useCommand } from "@/lib/query/command-mutation";
import { queryKeys } from "@/lib/query/keys";
import type { FollowableType } from "@/lib/notifications/kinds";

export interface NoticeJson {
  id: number;
  kind: string;
  stage: string;
  subject: string;
  detail: string | null;
  href: string;
  createdAt: string;
  readAt: string | null;
}

export interface NoticePage {
  data: NoticeJson[];
  unread: number;
  next_cursor: string | null;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The newest notices and the unread count; polled so the bell rises without a reload. */
export function noticesQuery(limit: number, before?: string) {
  return queryOptions({
    queryKey: before ? [...queryKeys.notifications.list(limit), before] : queryKeys.notifications.list(limit),
    queryFn: async () => json<NoticePage>(await fetch(`/api/v1/notifications?limit=${limit}${before ? `&before=${before}` : ""}`)),
    refetchInterval: 15_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { ids: number[] } | { all: true }) =>
      json<{ data: { marked: number; unread: number } }>(
        await fetch("/api/v1/notifications/read", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
}

/**
 * Follows or unfollows a record. The follow-ups list and a card's panel say whether the viewer
 * follows each follow-up, so those reload; a partner's or meeting's page shows the button's own state.
 */
export const followRecord = command({
  run: (input: { recordType: FollowableType; recordId: number; follow: boolean }) => setFollow(input),
  invalidates: ({ recordType, recordId }) => (recordType === "action" ? [queryKeys.actions.all, queryKeys.board.card(recordId)] : []),
});
export const useFollowRecord = () => useCommand(followRecord);
