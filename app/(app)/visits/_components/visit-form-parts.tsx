"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { RowList } from "@/components/forms/form-section";
import { fieldId } from "@/app/(app)/meetings/_components/error-summary";

export type Option = { value: string; label: string };

/** The visit's lists of rows (members, items, legs…): the kit's row list in a four-column grid. */
export function Rows<R extends { key: string }>(props: {
  rows: R[];
  legend: (n: number) => string;
  addLabel: string;
  onAdd: () => void;
  onRemove: (key: string) => void;
  render: (row: R, i: number) => ReactNode;
}) {
  const t = useTranslations("visits.form");
  return (
    <RowList
      rows={props.rows}
      legend={props.legend}
      removeLabel={(n) => `${t("remove")}: ${props.legend(n)}`}
      onRemove={props.onRemove}
      addLabel={props.addLabel}
      onAdd={props.onAdd}
      bodyClassName="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      {props.render}
    </RowList>
  );
}

/** People as checkboxes: who attends a programme item. */
export function PeopleChecks({ legend, path, people, value, onChange, errors }: { legend: string; path: string; people: Option[]; value: string[]; onChange: (v: string[]) => void; errors?: string[] }) {
  return (
    <fieldset className="sm:col-span-2 lg:col-span-4" id={fieldId(path)} tabIndex={-1} aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {people.map((p) => (
          <label key={p.value} className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 accent-brand-700"
              checked={value.includes(p.value)}
              onChange={(e) => onChange(e.currentTarget.checked ? [...value, p.value] : value.filter((x) => x !== p.value))}
            />
            {p.label}
          </label>
        ))}
      </div>
      {errors?.length ? <p className="text-xs text-red-700">{errors.join(" ")}</p> : null}
    </fieldset>
  );
}
