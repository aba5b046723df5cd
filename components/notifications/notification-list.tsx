"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NoticeItem } from "./notice-item";
import { noticesQuery, useMarkRead } from "./notifications-api";

const PAGE = 50;

/** The full list on /notifications: a page of 50, older pages by the `before` cursor in the URL. */
export function NotificationList({ zone, before }: { zone: string; before?: string }) {
  const t = useTranslations("notifications");
  const q = useQuery(noticesQuery(PAGE, before));
  const mark = useMarkRead();
  if (q.isError) return <p className="text-sm text-red-800">{t("error")}</p>;
  if (!q.data) return <p className="text-sm text-slate-600" aria-busy="true">…</p>;
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button variant="secondary" size="sm" disabled={q.data.unread === 0 || mark.isPending} onClick={() => mark.mutate({ all: true })}>
          {t("markAllRead")}
        </Button>
      </div>
      {q.data.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 overflow-hidden rounded-md border border-slate-200">
          {q.data.data.map((n) => (
            <NoticeItem key={n.id} n={n} zone={zone} pending={mark.isPending} onRead={(id) => mark.mutate({ ids: [id] })} />
          ))}
        </ul>
      )}
      {q.data.next_cursor ? (
        <Link href={`/notifications?before=${q.data.next_cursor}`} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          {t("loadMore")}
        </Link>
      ) : null}
    </div>
  );
}
