"use client";
import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type ReactNode } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { cleanParams } from "@/lib/query/keys";
import { paramsRecord } from "@/lib/validation/list-params";
import { inputClass } from "@/components/ui/field";
import { FiltersToggle } from "@/components/records/filters-toggle";

/**
 * A list whose filters, sort and page live in the URL. The server page puts the first page into
 * the query cache (`Hydrated`) under the same key; later changes update the URL with the History
 * API (Next keeps useSearchParams in step) and TanStack Query fetches over GET with the area's
 * `queryOptions`.
 */
export function useUrlList<T, K extends QueryKey>(opts: { allowed: readonly string[]; query: (params: Record<string, string>) => UseQueryOptions<T, Error, T, K> }) {
  const sp = useSearchParams();
  const pathname = usePathname();
  const raw: Record<string, string> = {};
  sp.forEach((v, k) => (raw[k] = v));
  const params = cleanParams(raw, opts.allowed);
  const query = useQuery({ ...opts.query(params), placeholderData: keepPreviousData });
  /** Changes on top of the address bar as it is now: fresher than a render's during quick changes. */
  const setParams = (changes: Record<string, string | undefined>, keepPage = false) => {
    const next = cleanParams(paramsRecord(new URLSearchParams(window.location.search)), opts.allowed);
    for (const [k, v] of Object.entries(changes)) if (v) next[k] = v;
    else delete next[k];
    if (!keepPage && !("page" in changes)) delete next.page;
    const qs = new URLSearchParams(cleanParams(next, opts.allowed)).toString();
    window.history.pushState(null, "", qs ? `${pathname}?${qs}` : pathname);
  };
  return { params, setParams, query };
}

export type FilterDef =
  | { name: string; label: string; type: "select"; options: { value: string; label: string }[]; any: string }
  | { name: string; label: string; type: "date" }
  | { name: string; label: string; type: "checkbox" };

/** A select filter's options: each value with its words. */
export function choices(values: readonly string[], label: (value: string) => string): { value: string; label: string }[] {
  return values.map((value) => ({ value, label: label(value) }));
}

/** The search box and filters of a list; every change goes to the URL at once. */
export function ListFilters({
  list: { params, setParams },
  searchLabel,
  searchHint,
  filters: own,
  sort,
  archived,
  extra,
}: {
  /** The list's URL state (`useUrlList`). */
  list: { params: Record<string, string>; setParams: (changes: Record<string, string | undefined>) => void };
  searchLabel: string;
  /** What the search box looks in, under it. */
  searchHint?: string;
  filters: FilterDef[];
  /** The order, after the filters: the default's words and the other orders' (value → words). */
  sort?: { default: string; others: Record<string, string>; label?: string };
  /** The "show archived" box, last. */
  archived?: boolean;
  extra?: ReactNode;
}) {
  const t = useTranslations("partners.list");
  const filters: FilterDef[] = [...own];
  if (sort) filters.push({ name: "sort", label: sort.label ?? t("sort"), type: "select", any: sort.default, options: Object.entries(sort.others).map(([value, label]) => ({ value, label })) });
  if (archived) filters.push({ name: "archived", label: t("showArchived"), type: "checkbox" });
  const pathname = usePathname();
  const id = useId();
  const search = useRef<HTMLInputElement>(null);
  const ready = useHydrated();
  // On a phone the filters fold away under a button, so the results are not a screen further down.
  const [open, setOpen] = useState(false);
  const active = filters.filter((f) => params[f.name]).length;
  // What the fields show. Next applies a History API change to useSearchParams in a transition, so
  // controlled fields bound to the URL alone would snap back for a moment after each change (and
  // a checkbox would look unticked right after the click). They show the change at once, and
  // follow the URL whenever it changes (back, forward, clear).
  const paramsKey = JSON.stringify(params);
  const [syncedKey, setSyncedKey] = useState(paramsKey);
  const [shown, setShown] = useState(params);
  if (syncedKey !== paramsKey) {
    setSyncedKey(paramsKey);
    setShown(params);
  }
  const change = (name: string, value: string | undefined) => {
    setShown((s) => ({ ...s, [name]: value ?? "" }));
    setParams({ [name]: value });
  };
  return (
    // A GET form: before hydration (or without JavaScript) the browser submits the fields as the
    // query string and the server renders that page; once hydrated, changes go to the URL at once.
    <form
      role="search"
      method="get"
      action={pathname}
      data-ready={ready ? "true" : undefined}
      className="mb-4 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        setParams({ q: search.current?.value.trim() || undefined });
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 basis-56 space-y-1">
          <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-800">
            {searchLabel}
          </label>
          <input
            id={`${id}-q`}
            ref={search}
            type="search"
            name="q"
            key={params.q ?? ""}
            defaultValue={params.q ?? ""}
            aria-describedby={searchHint ? `${id}-q-hint` : undefined}
            className={inputClass}
          />
        </div>
        <button type="submit" className="h-10 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">
          {t("search")}
        </button>
        {Object.keys(params).length ? (
          <button
            type="button"
            className="h-10 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-800 hover:bg-slate-50"
            onClick={() => setParams(Object.fromEntries(Object.keys(params).map((k) => [k, undefined])))}
          >
            {t("clear")}
          </button>
        ) : null}
      </div>
      {searchHint ? (
        <p id={`${id}-q-hint`} className="-mt-2 text-xs text-slate-600">
          {searchHint}
        </p>
      ) : null}
      <FiltersToggle open={open} onToggle={() => setOpen((o) => !o)} controls={`${id}-filters`} active={active} />
      <div id={`${id}-filters`} className={`${open ? "grid" : "hidden"} grid-cols-1 gap-3 sm:grid sm:grid-cols-2 lg:grid-cols-4`}>
        {filters.map((f) => {
          const fid = `${id}-${f.name}`;
          if (f.type === "checkbox")
            return (
              <label key={f.name} htmlFor={fid} className="flex items-center gap-2 self-end pb-2 text-sm text-slate-800">
                <input id={fid} type="checkbox" name={f.name} value="1" checked={shown[f.name] === "1"} onChange={(e) => change(f.name, e.target.checked ? "1" : undefined)} className="size-4" />
                {f.label}
              </label>
            );
          return (
            <div key={f.name} className="space-y-1">
              <label htmlFor={fid} className="block text-sm font-medium text-slate-800">
                {f.label}
              </label>
              {f.type === "select" ? (
                <select id={fid} name={f.name} className={inputClass} value={shown[f.name] ?? ""} onChange={(e) => change(f.name, e.target.value || undefined)}>
                  <option value="">{f.any}</option>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input id={fid} type="date" name={f.name} className={inputClass} value={shown[f.name] ?? ""} onChange={(e) => change(f.name, e.target.value || undefined)} />
              )}
            </div>
          );
        })}
        {extra}
      </div>
    </form>
  );
}

/** Result count and previous/next buttons; the page number lives in the URL too. */
export function ListPager({ page, size, total, setParams, busy }: { page: number; size: number; total: number; setParams: (c: Record<string, string | undefined>) => void; busy: boolean }) {
  const t = useTranslations("common");
  const tl = useTranslations("partners.list");
  const pages = Math.max(1, Math.ceil(total / size));
  return (
    <nav aria-label={tl("pages")} className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-slate-600" aria-live="polite">
        {tl("results", { total })} · {t("page", { page, pages })}
        {busy ? ` · ${tl("loading")}` : ""}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <button type="button" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" onClick={() => setParams({ page: page - 1 > 1 ? String(page - 1) : undefined })}>
            {t("previous")}
          </button>
        ) : null}
        {page < pages ? (
          <button type="button" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50" onClick={() => setParams({ page: String(page + 1) })}>
            {t("next")}
          </button>
        ) : null}
      </span>
    </nav>
  );
}
