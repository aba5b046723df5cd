"use client";
import { useQuery } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { NoticeItem } from "./notice-item";
import { noticesQuery, useMarkRead } from "./notifications-api";

/**
 * The bell in the shell: the unread count, and a disclosure panel with the newest notices.
 * A disclosure rather than a menu: each notice has a link and a button, which a menu cannot hold.
 */
export function NotificationBell({ zone }: { zone: string }) {
  const t = useTranslations("notifications");
  const [open, setOpen] = useState(false);
  const q = useQuery(noticesQuery(8));
  const mark = useMarkRead();
  const panelId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = q.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    // On the document: after Mark read the focused button is gone and focus is on the body.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={wrap} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="relative inline-flex h-9 items-center gap-1 rounded-md border border-slate-300 bg-white px-2 text-slate-800 hover:bg-slate-50"
      >
        <Bell aria-hidden className="size-5" />
        <span className="sr-only">{t("bell", { count: unread })}</span>
        {unread > 0 ? (
          <span aria-hidden data-testid="bell-count" className="min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label={t("title")}
          // Following a link inside closes the panel.
          onClick={(e) => {
            if ((e.target as HTMLElement).closest("a")) setOpen(false);
          }}
          className="absolute right-0 z-40 mt-2 w-[calc(100vw-2rem)] max-w-sm rounded-md border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2">
            <h2 className="text-sm font-semibold text-slate-900">{t("title")}</h2>
            <button
              type="button"
              disabled={unread === 0 || mark.isPending}
              onClick={() => mark.mutate({ all: true })}
              className="rounded-md px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50 disabled:text-slate-500"
            >
              {t("markAllRead")}
            </button>
          </div>
          {q.isError ? <p className="px-3 py-4 text-sm text-red-800">{t("error")}</p> : null}
          {q.data && q.data.data.length === 0 ? <p className="px-3 py-4 text-sm text-slate-600">{t("empty")}</p> : null}
          {q.data?.data.length ? (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {q.data.data.map((n) => (
                <NoticeItem key={n.id} n={n} zone={zone} pending={mark.isPending} onRead={(id) => mark.mutate({ ids: [id] })} />
              ))}
            </ul>
          ) : null}
          <div className="border-t border-slate-200 px-3 py-2">
            <Link href="/notifications" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              {t("seeAll")}
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
