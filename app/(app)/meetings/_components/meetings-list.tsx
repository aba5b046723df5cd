"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState, type FormEvent, type MouseEvent } from "react";
import { FiltersToggle } from "@/components/records/filters-toggle";
import { useUrlList } from "@/components/records/url-list";
import { Button } from "@/components/ui/button";
import { Empty } from "@/components/ui/empty";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { Table, Td, Th } from "@/components/ui/table";
import { MEETING_KINDS, MEETING_STATUSES } from "@/lib/domain";
import { meetingListQuery } from "../queries";
import { MEETING_LIST_PARAMS, meetingListSearch, parseMeetingListParams } from "./list-url";

const FORM_FIELDS = ["q", "partner", "kind", "status", "from", "to", "sort"] as const;

export function MeetingsList({ partners }: { partners: { value: string; label: string }[] }) {
  const t = useTranslations("meetings");
  const tl = useTranslations("meetings.list");
  const tc = useTranslations("common");
  const te = useTranslations("enums");
  const list = useUrlList({ allowed: MEETING_LIST_PARAMS, query: meetingListQuery });
  const { data, isFetching, isError, refetch } = list.query;
  const params = parseMeetingListParams(list.params);
  /** Moves the list to new URL state without a server round trip; TanStack Query fetches the data. */
  const go = (changes: Record<string, string | undefined>, keepPage = false) => list.setParams(changes, keepPage);

  // The filter form is remounted (to show the URL's values) only on back/forward and on "clear":
  // remounting on our own changes would drop what the user is typing in the meantime.
  const [formKey, setFormKey] = useState(0);
  // On a phone the filters fold away under a button, so the results are not a screen further down.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = (["partner", "kind", "status", "from", "to"] as const).filter((k) => params[k]).length;
  useEffect(() => {
    const remount = () => setFormKey((k) => k + 1);
    window.addEventListener("popstate", remount);
    return () => window.removeEventListener("popstate", remount);
  }, []);
  const apply = (changes: Record<string, string | undefined>) => go(changes);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const val = (k: string) => {
      const v = f.get(k);
      return typeof v === "string" ? v.trim() || undefined : undefined;
    };
    // Checked as a URL would be: an unknown value is dropped, the default sort is left out.
    const p = parseMeetingListParams(Object.fromEntries(FORM_FIELDS.map((k) => [k, val(k)])));
    go(Object.fromEntries(FORM_FIELDS.map((k) => [k, p[k]])));
  };
  const pageLink = (page: number) => ({
    href: `/meetings${meetingListSearch({ ...params, page })}`,
    onClick: (e: MouseEvent<HTMLAnchorElement>) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      go({ page: String(page) }, true);
    },
  });
  const pages = data ? Math.max(1, Math.ceil(data.total / data.size)) : 1;
  const filtered = Object.keys(params).some((k) => k !== "page" && k !== "sort");

  return (
    <div className="space-y-4">
      {/* A GET form: before hydration or without JavaScript the browser submits the fields as the query string. */}
      <form
        role="search"
        aria-label={tl("filters")}
        method="get"
        action="/meetings"
        onSubmit={onSubmit}
        key={formKey}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      >
        <Field label={tl("search")} name="q" type="search" defaultValue={params.q ?? ""} hint={tl("searchHint")} className="sm:col-span-2" />
        <FiltersToggle open={filtersOpen} onToggle={() => setFiltersOpen((o) => !o)} controls="meeting-filters" active={activeFilters} />
        <div id="meeting-filters" className={`${filtersOpen ? "contents" : "hidden"} sm:contents`}>
          <SelectField label={t("partner")} name="partner" defaultValue={params.partner ?? ""} placeholder={tl("anyPartner")} options={partners} onChange={(e) => apply({ partner: e.target.value || undefined })} />
          <SelectField
            label={t("kind")}
            name="kind"
            defaultValue={params.kind ?? ""}
            placeholder={tl("anyKind")}
            options={MEETING_KINDS.map((k) => ({ value: k, label: te(`meetingKind.${k}`) }))}
            onChange={(e) => apply({ kind: e.target.value || undefined })}
          />
          <SelectField
            label={t("status")}
            name="status"
            defaultValue={params.status ?? ""}
            placeholder={tl("anyStatus")}
            options={MEETING_STATUSES.map((k) => ({ value: k, label: te(`meetingStatus.${k}`) }))}
            onChange={(e) => apply({ status: e.target.value || undefined })}
          />
          <Field label={tl("from")} name="from" type="date" defaultValue={params.from ?? ""} />
          <Field label={tl("to")} name="to" type="date" defaultValue={params.to ?? ""} />
          <SelectField
            label={tl("sort")}
            name="sort"
            defaultValue={params.sort ?? "starts_desc"}
            options={[
              { value: "starts_desc", label: tl("sortNewest") },
              { value: "starts_asc", label: tl("sortOldest") },
              { value: "title", label: tl("sortTitle") },
            ]}
            onChange={(e) => apply({ sort: e.target.value === "starts_desc" ? undefined : e.target.value })}
          />
        </div>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-1">
          <Button type="submit">{tl("apply")}</Button>
          {filtered ? (
            <Button variant="ghost" asChild>
              <Link
                href="/meetings"
                onClick={(e) => {
                  e.preventDefault();
                  go(Object.fromEntries(MEETING_LIST_PARAMS.map((k) => [k, undefined])));
                  setFormKey((k) => k + 1);
                }}
              >
                {tl("clear")}
              </Link>
            </Button>
          ) : null}
        </div>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">
        {isError ? (
          <span className="text-red-700">
            {tl("loadFailed")}{" "}
            <button type="button" className="underline" onClick={() => void refetch()}>
              {tc("tryAgain")}
            </button>
          </span>
        ) : data ? (
          tl("count", { n: data.total })
        ) : null}
        {isFetching && data ? <span className="ml-2">{tl("loading")}</span> : null}
      </p>

      {data && data.rows.length === 0 ? (
        <Empty>{filtered ? tl("noMatches") : tc("noRecords")}</Empty>
      ) : data ? (
        <div aria-busy={isFetching}>
          <Table caption={t("title")} stack>
            <thead>
              <tr>
                <Th>{t("when")}</Th>
                <Th>{t("meeting")}</Th>
                <Th>{t("partner")}</Th>
                <Th>{t("status")}</Th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((m) => (
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
              ))}
            </tbody>
          </Table>
          <nav aria-label={tc("page", { page: data.page, pages })} className="mt-4 flex items-center justify-between text-sm">
            <span className="text-slate-600">{tc("page", { page: data.page, pages })}</span>
            <span className="flex gap-2">
              {data.page > 1 ? (
                <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" rel="prev" {...pageLink(data.page - 1)}>
                  {tc("previous")}
                </a>
              ) : null}
              {data.page < pages ? (
                <a className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" rel="next" {...pageLink(data.page + 1)}>
                  {tc("next")}
                </a>
              ) : null}
            </span>
          </nav>
        </div>
      ) : null}
    </div>
  );
}
