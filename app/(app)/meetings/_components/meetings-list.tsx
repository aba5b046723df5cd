"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ListTable } from "@/components/records/list-results";
import { choices, ListFilters, useUrlList } from "@/components/records/url-list";
import { Td } from "@/components/ui/table";
import { MEETING_KINDS, MEETING_STATUSES } from "@/lib/domain";
import { MEETING_LIST_PARAMS } from "@/lib/validation/list-params";
import { meetingListQuery } from "../queries";

export function MeetingsList({ partners }: { partners: { value: string; label: string }[] }) {
  const t = useTranslations("meetings");
  const tl = useTranslations("meetings.list");
  const tc = useTranslations("common");
  const te = useTranslations("enums");
  const list = useUrlList({ allowed: MEETING_LIST_PARAMS, query: meetingListQuery });
  const filtered = Object.keys(list.params).some((k) => k !== "page" && k !== "sort");
  return (
    <>
      <ListFilters
        list={list}
        searchLabel={tl("search")}
        searchHint={tl("searchHint")}
        filters={[
          { name: "partner", label: t("partner"), type: "select", any: tl("anyPartner"), options: partners },
          { name: "kind", label: t("kind"), type: "select", any: tl("anyKind"), options: choices(MEETING_KINDS, (k) => te(`meetingKind.${k}`)) },
          { name: "status", label: t("status"), type: "select", any: tl("anyStatus"), options: choices(MEETING_STATUSES, (k) => te(`meetingStatus.${k}`)) },
          { name: "from", label: tl("from"), type: "date" },
          { name: "to", label: tl("to"), type: "date" },
        ]}
        sort={{ label: tl("sort"), default: tl("sortNewest"), others: { starts_asc: tl("sortOldest"), title: tl("sortTitle") } }}
      />
      <ListTable
        list={list}
        failed={tl("loadFailed")}
        empty={filtered ? tl("noMatches") : tc("noRecords")}
        caption={t("title")}
        head={[t("when"), t("meeting"), t("partner"), t("status")]}
        row={(m) => (
          <tr key={m.id}>
            <Td label={t("when")} className="whitespace-nowrap">
              <time dateTime={m.startsAt}>{m.whenLocal}</time>
              {m.whenViewer ? <span className="block text-xs text-slate-600">{tc("inYourZone", { time: m.whenViewer })}</span> : null}
            </Td>
            <Td>
              <Link href={`/meetings/${m.id}`} className="font-medium text-brand-700 hover:underline">
                {m.title}
              </Link>
              <span className="block text-xs text-slate-600">
                {te(`meetingKind.${m.kind}`)}
                {m.place ? ` · ${m.place}` : ""}
              </span>
            </Td>
            <Td label={t("partner")}>
              <Link href={`/partners/${m.partnerSlug}`} className="text-brand-700 hover:underline">
                {m.partnerName}
              </Link>
            </Td>
            <Td label={t("status")}>{te(`meetingStatus.${m.status}`)}</Td>
          </tr>
        )}
      />
    </>
  );
}
