"use client";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query/keys";

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
