"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { PartnerNames } from "@/components/partners/partner-names";
import { ListTable } from "@/components/records/list-results";
import { choices, ListFilters, useUrlList } from "@/components/records/url-list";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Td } from "@/components/ui/table";
import { PARTNER_KINDS, PARTNER_STATUSES, RELATIONSHIP_LEVELS } from "@/lib/domain";
import { daysSince, formatPrecisionDate, type Locale } from "@/lib/format";
import { PARTNER_LIST_PARAMS } from "@/lib/validation/list-params";
import { partnerListQuery } from "../queries";

const TONE: Record<string, BadgeTone> = { active: "green", dormant: "amber", exploring: "brand", ended: "neutral" };

export function PartnerList() {
  const t = useTranslations("partners");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const list = useUrlList({ allowed: PARTNER_LIST_PARAMS, query: partnerListQuery });
  const opts = (values: readonly string[], ns: string) => choices(values, (v) => te(`${ns}.${v}`));
  return (
    <>
      <ListFilters
        list={list}
        searchLabel={t("list.searchPartners")}
        filters={[
          { name: "status", label: t("status"), type: "select", any: t("list.any"), options: opts(PARTNER_STATUSES, "partnerStatus") },
          { name: "level", label: t("level"), type: "select", any: t("list.any"), options: opts(RELATIONSHIP_LEVELS, "level") },
          { name: "kind", label: t("kind"), type: "select", any: t("list.any"), options: opts(PARTNER_KINDS, "partnerKind") },
        ]}
        sort={{ default: t("list.sortSince"), others: { name: t("list.sortName"), recent: t("list.sortRecent") } }}
        archived
      />
      <ListTable
        list={list}
        failed={t("errors.failed")}
        empty={t("list.none")}
        caption={t("title")}
        head={[t("name"), t("since"), t("level"), t("status"), { label: t("meetings"), numeric: true }, { label: t("openActions"), numeric: true }, t("lastContact")]}
        row={(p) => (
          <tr key={p.id}>
            <Td>
              <Link href={`/partners/${p.slug}`} className="text-brand-700 underline-offset-2 hover:underline">
                <PartnerNames p={p} locale={locale} />
              </Link>
              {p.archivedAt ? <Badge tone="amber">{tc("archived")}</Badge> : null}
            </Td>
            <Td label={t("since")} className="whitespace-nowrap">{p.sincePrecision ? formatPrecisionDate(p.sinceDate, p.sincePrecision, locale) : "—"}</Td>
            <Td label={t("level")}>{te(`level.${p.level}`)}</Td>
            <Td label={t("status")}>
              <Badge tone={TONE[p.status] ?? "neutral"}>{te(`partnerStatus.${p.status}`)}</Badge>
            </Td>
            <Td label={t("meetings")} className="text-right tabular-nums">{p.meetingCount}</Td>
            <Td label={t("openActions")} className="text-right tabular-nums">{p.openActionCount}</Td>
            <Td label={t("lastContact")} className="whitespace-nowrap">{p.lastContactAt ? tc("daysAgo", { days: daysSince(p.lastContactAt) }) : t("never")}</Td>
          </tr>
        )}
      />
    </>
  );
}
