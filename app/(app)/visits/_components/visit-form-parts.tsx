"use client";
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { fieldId } from "@/app/(app)/meetings/_components/error-summary";

export type Option = { value: string; label: string };

export function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      {hint ? <p className="-mt-2 text-sm text-slate-600">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** A list of rows (members, items, legs…) with add and remove, each row its own fieldset. */
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
    <div className="space-y-3">
      {props.rows.map((r, i) => (
        <fieldset key={r.key} data-row={r.key} className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-4">
          <legend className="px-1 text-sm font-medium text-slate-800">{props.legend(i + 1)}</legend>
          {props.render(r, i)}
          <div className="flex items-end sm:col-span-2 lg:col-span-4">
            <Button type="button" variant="ghost" size="sm" onClick={() => props.onRemove(r.key)} aria-label={`${t("remove")}: ${props.legend(i + 1)}`}>
              <Trash2 aria-hidden className="size-4" />
              {t("remove")}
            </Button>
          </div>
        </fieldset>
      ))}
      <Button type="button" variant="secondary" size="sm" onClick={props.onAdd}>
        <Plus aria-hidden className="size-4" />
        {props.addLabel}
      </Button>
    </div>
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
