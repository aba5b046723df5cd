import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import type { BoardFilters as Filters } from "@/lib/board/filters";
import { ACTION_PRIORITIES } from "@/lib/domain";
import { BoardFiltersFold } from "./board-filters-fold";

/** The board's filters as a plain GET form: the URL holds them, and it works without JavaScript. */
export async function BoardFilters({
  filters,
  partners,
  owners,
}: {
  filters: Filters;
  partners: { value: string; label: string }[];
  owners: { value: string; label: string }[];
}) {
  const t = await getTranslations("board");
  const te = await getTranslations("enums");
  return (
    <form method="get" action="/board" aria-label={t("filters")} className="mb-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <BoardFiltersFold active={Object.values(filters).filter(Boolean).length}>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <SelectField label={t("partner")} name="partner" defaultValue={filters.partner ?? ""} placeholder={t("anyPartner")} options={partners} />
          <SelectField label={t("owner")} name="owner" defaultValue={filters.owner ?? ""} placeholder={t("anyOwner")} options={owners} />
          <SelectField
            label={t("due")}
            name="due"
            defaultValue={filters.due ?? ""}
            placeholder={t("anyDue")}
            options={[
              { value: "overdue", label: t("dueOverdue") },
              { value: "week", label: t("dueWeek") },
              { value: "month", label: t("dueMonth") },
            ]}
          />
          <SelectField
            label={t("priority")}
            name="priority"
            defaultValue={filters.priority ?? ""}
            placeholder={t("anyPriority")}
            options={ACTION_PRIORITIES.map((p) => ({ value: p, label: te(`priority.${p}`) }))}
          />
          <SelectField
            label={t("side")}
            name="side"
            defaultValue={filters.side ?? ""}
            placeholder={t("anySide")}
            options={[
              { value: "ours", label: t("sideOurs") },
              { value: "theirs", label: t("sideTheirs") },
            ]}
          />
          <SelectField
            label={t("group")}
            name="group"
            defaultValue={filters.group ?? ""}
            placeholder={t("groupNone")}
            options={[
              { value: "partner", label: t("groupPartner") },
              { value: "owner", label: t("groupOwner") },
            ]}
          />
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button type="submit" size="sm">
            {t("apply")}
          </Button>
          <Link href="/board" className="text-sm text-brand-700 underline-offset-2 hover:underline">
            {t("clear")}
          </Link>
        </div>
      </BoardFiltersFold>
    </form>
  );
}
