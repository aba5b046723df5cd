"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatInstant, isLocale } from "@/lib/format";
import { cn } from "@/lib/cn";
import type { NoticeJson } from "./notifications-api";

/** One notice: its sentence as a link to the record, when, and a mark-read button while unread. */
export function NoticeItem({ n, zone, onRead, pending }: { n: NoticeJson; zone: string; onRead: (id: number) => void; pending: boolean }) {
  const t = useTranslations("notifications");
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : "en";
  const detail = n.detail && /^\d{4}-\d{2}-\d{2}$/.test(n.detail) ? formatDate(n.detail, locale) : (n.detail ?? "");
  const known = t.has(`text.${n.kind}`);
  const text = known ? t(`text.${n.kind}` as "text.assigned", { subject: n.subject, detail, stage: n.stage }) : n.subject;
  const unread = !n.readAt;
  return (
    <li className={cn("flex items-start gap-3 px-3 py-2", unread ? "bg-brand-50" : "bg-white")}>
      <div className="min-w-0 flex-1">
        <p className="text-xs font-medium text-slate-600">
          {known ? t(`kind.${n.kind}` as "kind.assigned") : n.kind}
          {unread ? <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-[0.7rem] text-white">{t("unread")}</span> : null}
        </p>
        <Link href={n.href} className="block break-words text-sm text-slate-900 underline-offset-2 hover:underline" onClick={() => unread && onRead(n.id)}>
          {text}
        </Link>
        <p className="text-xs text-slate-600">
          <time dateTime={n.createdAt}>{formatInstant(new Date(n.createdAt), zone, locale)}</time>
        </p>
      </div>
      {unread ? (
        <button
          type="button"
          disabled={pending}
          onClick={() => onRead(n.id)}
          className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-50"
          aria-label={`${t("markRead")}: ${text}`}
        >
          {t("markRead")}
        </button>
      ) : null}
    </li>
  );
}
