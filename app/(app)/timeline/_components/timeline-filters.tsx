import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MarkIcon } from "@/components/timeline/mark-icon";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Locale } from "@/lib/format";
import { EVENT_KINDS, type TimelineFilters as Filters } from "@/lib/timeline";

/** A plain GET form: the filters live in the URL, so a reload or a shared link keeps them. */
export async function TimelineFilters({
  filters,
  partners,
  locale,
}: {
  filters: Filters;
  partners: { slug: string; nameEn: string; nameKo: string }[];
  locale: Locale;
}) {
  const t = await getTranslations("timeline");
  const te = await getTranslations("enums");
  const box = "inline-flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-sm text-slate-800 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50";
  return (
    <form method="get" action="/timeline" className="mb-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden" aria-label={t("filters")}>
      <div className="grid gap-4 lg:grid-cols-2">
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{t("partners")}</legend>
          <div className="flex flex-wrap gap-2">
            {partners.map((p) => (
              <label key={p.slug} className={box}>
                <input type="checkbox" name="partner" value={p.slug} defaultChecked={filters.partners.includes(p.slug)} className="size-4 accent-brand-700" />
                {locale === "ko" ? p.nameKo : p.nameEn}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{t("kinds")}</legend>
          <div className="flex flex-wrap gap-2">
            {EVENT_KINDS.map((k) => (
              <label key={k} className={box}>
                <input type="checkbox" name="kind" value={k} defaultChecked={filters.kinds.includes(k)} className="size-4 accent-brand-700" />
                <MarkIcon kind={k === "milestone" ? "start" : k} />
                {k === "milestone" ? t("milestones") : te(`meetingKind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_2fr_auto]">
        <Field label={t("from")} type="date" name="from" defaultValue={filters.from ?? ""} />
        <Field label={t("to")} type="date" name="to" defaultValue={filters.to ?? ""} />
        <Field label={t("text")} type="search" name="q" defaultValue={filters.q ?? ""} hint={t("textHint")} maxLength={200} />
        <div className="flex items-start gap-2 sm:pt-6">
          <Button type="submit">{t("apply")}</Button>
          <Button asChild variant="ghost">
            <Link href="/timeline">{t("clear")}</Link>
          </Button>
        </div>
      </div>
    </form>
  );
}
