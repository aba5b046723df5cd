"use client";
import { useTranslations } from "next-intl";

/** The phone-only button that folds a list's filters away; it counts the filters in use. */
export function FiltersToggle({ open, onToggle, controls, active }: { open: boolean; onToggle: () => void; controls: string; active: number }) {
  const tc = useTranslations("common");
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className="flex h-10 w-full items-center justify-between rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-50 sm:hidden"
    >
      {tc("filtersToggle", { count: active })}
      <span aria-hidden="true">{open ? "▴" : "▾"}</span>
    </button>
  );
}
