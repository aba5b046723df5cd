"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { ListTable } from "@/components/records/list-results";
import { choices, ListFilters, useUrlList } from "@/components/records/url-list";
import { Badge } from "@/components/ui/badge";
import { Td } from "@/components/ui/table";
import { PERSON_SIDES } from "@/lib/domain";
import { localLang } from "@/lib/lang";
import { PERSON_LIST_PARAMS } from "@/lib/validation/list-params";
import { peopleListQuery } from "../queries";

export function PeopleList({ partners }: { partners: { id: number; label: string }[] }) {
  const t = useTranslations("people");
  const tp = useTranslations("partners");
  const te = useTranslations("enums");
  const tc = useTranslations("common");
  const locale = useLocale();
  const list = useUrlList({ allowed: PERSON_LIST_PARAMS, query: peopleListQuery });
  return (
    <>
      <ListFilters
        list={list}
        searchLabel={t("searchPeople")}
        filters={[
          { name: "partner", label: t("partner"), type: "select", any: tp("list.any"), options: partners.map((p) => ({ value: String(p.id), label: p.label })) },
          { name: "side", label: t("side"), type: "select", any: tp("list.any"), options: choices(PERSON_SIDES, (s) => te(`personSide.${s}`)) },
        ]}
        sort={{ default: tp("list.sortName"), others: { recent: t("sortRecent") } }}
        archived
      />
      <ListTable
        list={list}
        failed={tp("errors.failed")}
        empty={t("none")}
        caption={t("title")}
        head={[t("name"), t("titleOrg"), t("side")]}
        row={(p) => (
          <tr key={p.id}>
            <Td>
              <Link href={`/people/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                {p.nameEn}
              </Link>
              {p.nameLocal ? (
                <span className="ml-2 text-slate-600" lang={p.side === "home" ? "ko" : localLang(p.partnerCountry)}>
                  {p.nameLocal}
                </span>
              ) : null}
              {p.archivedAt ? (
                <span className="ml-2">
                  <Badge tone="amber">{tc("archived")}</Badge>
                </span>
              ) : null}
            </Td>
            <Td label={t("titleOrg")}>{[p.title, p.organisation].filter(Boolean).join(", ")}</Td>
            <Td label={t("side")}>
              {te(`personSide.${p.side}`)}
              {p.partnerSlug ? (
                <>
                  {" · "}
                  <Link href={`/partners/${p.partnerSlug}`} className="text-brand-700 underline">
                    {locale === "ko" ? p.partnerNameKo : p.partnerNameEn}
                  </Link>
                </>
              ) : null}
            </Td>
          </tr>
        )}
      />
    </>
  );
}
