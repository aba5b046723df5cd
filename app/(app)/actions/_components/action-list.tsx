"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { FollowButton } from "@/components/notifications/follow-button";
import { ListTable } from "@/components/records/list-results";
import { choices, ListFilters, useUrlList } from "@/components/records/url-list";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Td } from "@/components/ui/table";
import { isOverdue } from "@/lib/board/filters";
import { ACTION_PRIORITIES, ACTION_SIDES, ACTION_STATUSES } from "@/lib/domain";
import { formatDate, type Locale } from "@/lib/format";
import { ACTION_DUE_FILTERS, ACTION_LIST_PARAMS } from "@/lib/validation/list-params";
import { actionListQuery } from "../queries";

const TONE: Record<string, BadgeTone> = { open: "brand", in_progress: "amber", blocked: "red", done: "green", cancelled: "neutral" };

type Option = { id: number; label: string };

export function ActionList({ today, partners, owners }: { today: string; partners: Option[]; owners: Option[] }) {
  const t = useTranslations("actions");
  const tp = useTranslations("partners");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const list = useUrlList({ allowed: ACTION_LIST_PARAMS, query: actionListQuery });
  const followed = new Set(list.query.data?.followed);
  const any = tp("list.any");
  return (
    <>
      <ListFilters
        list={list}
        searchLabel={t("search")}
        filters={[
          { name: "partner", label: t("partner"), type: "select", any, options: partners.map((p) => ({ value: String(p.id), label: p.label })) },
          {
            name: "status",
            label: t("status"),
            type: "select",
            any,
            options: [{ value: "unfinished", label: t("unfinished") }, ...choices(ACTION_STATUSES, (s) => te(`actionStatus.${s}`))],
          },
          { name: "side", label: t("side"), type: "select", any, options: choices(ACTION_SIDES, (s) => te(`actionSide.${s}`)) },
          { name: "owner", label: t("owner"), type: "select", any, options: owners.map((o) => ({ value: String(o.id), label: o.label })) },
          { name: "due", label: t("due"), type: "select", any, options: choices(ACTION_DUE_FILTERS, (d) => t(`dueFilter.${d}`)) },
          { name: "priority", label: t("priority"), type: "select", any, options: choices(ACTION_PRIORITIES, (p) => te(`priority.${p}`)) },
          { name: "from", label: t("dueFrom"), type: "date" },
          { name: "to", label: t("dueTo"), type: "date" },
        ]}
        sort={{ default: t("sortDue"), others: { priority: t("sortPriority"), recent: t("sortRecent"), title: t("sortTitle") } }}
        archived
      />
      <ListTable
        list={list}
        failed={tp("errors.failed")}
        empty={t("none")}
        caption={t("title")}
        head={[t("action"), t("partner"), t("status"), t("owner"), t("due")]}
        row={(a) => {
          const overdue = isOverdue(a, today);
          return (
            <tr key={a.id}>
              <Td>
                <span className="font-medium text-slate-900">{a.title}</span>
                <span className="mt-1 flex flex-wrap gap-1">
                  <Badge>{te(`actionSide.${a.side}`)}</Badge>
                  {a.priority === "high" || a.priority === "urgent" ? <Badge tone="amber">{te(`priority.${a.priority}`)}</Badge> : null}
                  {a.archivedAt ? <Badge tone="amber">{tc("archived")}</Badge> : null}
                </span>
                {a.meetingId ? (
                  <Link href={`/meetings/${a.meetingId}`} className="mt-1 block text-xs text-brand-700 hover:underline">
                    {t("fromMeeting")}
                  </Link>
                ) : null}
                <span className="mt-2 block">
                  <FollowButton type="action" id={a.id} name={a.title} following={followed.has(a.id)} />
                </span>
              </Td>
              <Td label={t("partner")}>
                <Link href={`/partners/${a.partnerSlug}`} className="text-brand-700 underline">
                  {locale === "ko" ? a.partnerNameKo : a.partnerNameEn}
                </Link>
              </Td>
              <Td label={t("status")}>
                <Badge tone={TONE[a.status] ?? "neutral"}>{te(`actionStatus.${a.status}`)}</Badge>
              </Td>
              <Td label={t("owner")}>{a.ownerName ?? "—"}</Td>
              <Td label={t("due")} className="whitespace-nowrap">
                {a.dueOn ? formatDate(a.dueOn, locale) : t("noDue")}
                {overdue ? (
                  <span className="ml-2">
                    <Badge tone="red">{t("overdue")}</Badge>
                  </span>
                ) : null}
              </Td>
            </tr>
          );
        }}
      />
    </>
  );
}
