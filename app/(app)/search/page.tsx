import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Empty } from "@/components/ui/empty";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { searchAll } from "@/db/queries/search";
import { requireUser } from "@/server/auth/guard";
import { formatInstant } from "@/lib/format";
import { viewerLocale } from "@/server/viewer";
import { type SearchType } from "@/lib/types/search";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Types whose own list filters by the same index, for "all N in Meetings". */
const LISTS: Partial<Record<SearchType, string>> = { partner: "/partners", person: "/people", meeting: "/meetings", action: "/actions", visit: "/visits" };

export default async function SearchPage({ searchParams }: Props) {
  await requireUser();
  const [t, locale] = await Promise.all([getTranslations("search"), viewerLocale()]);
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? "")).slice(0, 200).trim();
  const groups = q ? await searchAll(getDb(), q, { limit: 50 }) : [];
  return (
    <>
      <PageHeader title={q ? t("resultsFor", { q }) : t("title")} lead={t("lead")} />
      <form action="/search" className="mb-6 flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          {t("label")}
        </label>
        <input id="search-page-q" type="search" name="q" defaultValue={q} maxLength={200} className={inputClass} />
        <Button type="submit">{t("submit")}</Button>
      </form>
      {!q ? <Empty>{t("empty")}</Empty> : null}
      {q && !groups.length ? (
        <Empty>
          {t("none", { q })} {t("noneHint")}
        </Empty>
      ) : null}
      <div className="space-y-8">
        {groups.map((g) => {
          const list = LISTS[g.type];
          return (
            <section key={g.type} aria-labelledby={`results-${g.type}`} className="space-y-2">
              <h2 id={`results-${g.type}`} className="text-lg font-semibold text-slate-900">
                {t(`types.${g.type}`)} <span className="text-sm font-normal text-slate-600">({t("count", { n: g.total })})</span>
              </h2>
              <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
                {g.hits.map((h) => (
                  <li key={h.id} className="px-4 py-3">
                    <Link href={h.href} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                      {h.title}
                    </Link>
                    {h.alt ? <span className="ml-2 text-slate-700">{h.alt}</span> : null}
                    {h.detail || h.at ? (
                      <p className="text-sm text-slate-600">
                        {[h.detail, h.at && h.timeZone ? formatInstant(new Date(h.at), h.timeZone, locale) : null].filter(Boolean).join(" · ")}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
              {list && g.total > g.hits.length ? (
                <Link href={`${list}?q=${encodeURIComponent(q)}`} className="text-sm text-brand-800 underline">
                  {t("inList", { n: g.total, list: t(`types.${g.type}`) })}
                </Link>
              ) : null}
            </section>
          );
        })}
      </div>
    </>
  );
}
