import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";

type Option = { value: string; label: string };

/** A plain GET form: the filters live in the URL, and work before any script has loaded. */
export async function VisitFilters(props: {
  values: { q: string; partner: string; direction: string; status: string; period: string };
  partners: Option[];
  directions: Option[];
  statuses: Option[];
}) {
  const t = await getTranslations("visits");
  const { values: v } = props;
  return (
    <form method="get" action="/visits" role="search" aria-label={t("filters.label")} className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
      <Field label={t("filters.q")} name="q" type="search" defaultValue={v.q} className="sm:col-span-3 lg:col-span-2" />
      <SelectField label={t("filters.partner")} name="partner" defaultValue={v.partner} placeholder={t("filters.any")} options={props.partners} />
      <SelectField label={t("filters.direction")} name="direction" defaultValue={v.direction} placeholder={t("filters.any")} options={props.directions} />
      <SelectField label={t("filters.status")} name="status" defaultValue={v.status} placeholder={t("filters.any")} options={props.statuses} />
      <SelectField
        label={t("filters.period")}
        name="period"
        defaultValue={v.period}
        options={(["all", "upcoming", "past"] as const).map((p) => ({ value: p, label: t(`periods.${p}`) }))}
      />
      <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-6">
        <Button type="submit">{t("filters.apply")}</Button>
        <Button asChild variant="secondary">
          <Link href="/visits">{t("filters.clear")}</Link>
        </Button>
      </div>
    </form>
  );
}
