"use client";
import { useQuery } from "@tanstack/react-query";
import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/use-hydrated";
import { cn } from "@/lib/cn";
import { queryKeys } from "@/lib/query/keys";
import { type SearchGroup } from "@/lib/types/search";

async function fetchSuggestions(q: string): Promise<SearchGroup[]> {
  const res = await fetch(`/search/suggest?q=${encodeURIComponent(q)}`, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { groups: SearchGroup[] }).groups;
}

/** Typing in a field (or a text area, or a select's type-ahead) must not be taken for the shortcut. */
function isTyping(el: Element | null): boolean {
  return !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el as HTMLElement).isContentEditable);
}

/**
 * The shell's search: an ARIA 1.2 combobox whose listbox groups hits by type. Arrow keys move
 * through the options, Enter opens one (or, with none chosen, the full results page), Escape
 * closes; `/` or Ctrl+K focuses it from anywhere.
 */
export function SearchBox() {
  const t = useTranslations("search");
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const hydrated = useHydrated();

  // A short pause before asking, so each keystroke is not a request.
  useEffect(() => {
    const h = setTimeout(() => setQ(text.trim()), 150);
    return () => clearTimeout(h);
  }, [text]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k";
      const slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(document.activeElement);
      if (!ctrlK && !slash) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const results = useQuery({
    queryKey: queryKeys.search.suggest(q),
    queryFn: () => fetchSuggestions(q),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const groups = useMemo(() => (q ? (results.data ?? []) : []), [q, results.data]);
  // The options in order: every hit, then "see all results".
  const options = useMemo(() => [...groups.flatMap((g) => g.hits.map((h) => ({ key: `${h.type}-${h.id}`, href: h.href }))), { key: "all", href: `/search?q=${encodeURIComponent(q)}` }], [groups, q]);
  const total = groups.reduce((n, g) => n + g.hits.length, 0);
  const expanded = open && q.length > 0 && q === text.trim() && !results.isPending;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    router.push(href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        return;
      }
      const n = options.length;
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % n : i <= 0 ? n - 1 : i - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const chosen = expanded && active >= 0 ? options[active] : null;
      if (chosen) go(chosen.href);
      else if (text.trim()) go(`/search?q=${encodeURIComponent(text.trim())}`);
    } else if (e.key === "Escape") {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        e.preventDefault();
        setText("");
      }
    }
  };

  let index = -1;
  return (
    <div className="relative w-full max-w-md">
      <label htmlFor={`${id}-q`} className="sr-only">
        {t("label")}
      </label>
      <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-slate-500" />
      <input
        ref={input}
        id={`${id}-q`}
        data-ready={hydrated ? "true" : undefined}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-hint`}
        placeholder={t("placeholder")}
        className={cn(inputClass, "pl-8")}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <span id={`${id}-hint`} className="sr-only">
        {t("shortcut")}
      </span>
      <span role="status" className="sr-only">
        {results.isError && q ? t("failed") : expanded ? t("status", { n: total }) : ""}
      </span>
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label={t("label")}
        className={cn(
          "absolute inset-x-0 top-full z-40 mt-1 max-h-[70vh] overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg",
          expanded ? "" : "hidden",
        )}
        // A click on an option must not blur the input first (which would close the list).
        onMouseDown={(e) => e.preventDefault()}
      >
        {expanded
          ? groups.map((g) => (
              <div key={g.type} role="group" aria-labelledby={`${id}-g-${g.type}`}>
                <div id={`${id}-g-${g.type}`} role="presentation" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {t(`types.${g.type}`)}
                </div>
                {g.hits.map((h) => {
                  index += 1;
                  const i = index;
                  return (
                    <div
                      key={`${h.type}-${h.id}`}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      className={cn("cursor-pointer px-3 py-1.5", i === active ? "bg-brand-700 text-white" : "text-slate-900 hover:bg-slate-100")}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => go(h.href)}
                    >
                      <span className="font-medium">{h.title}</span>
                      {h.alt ? <span className={cn("ml-2", i === active ? "text-white" : "text-slate-700")}>{h.alt}</span> : null}
                      {h.detail ? <span className={cn("block truncate text-xs", i === active ? "text-white" : "text-slate-600")}>{h.detail}</span> : null}
                    </div>
                  );
                })}
              </div>
            ))
          : null}
        {expanded ? (
          <div
            id={optionId(options.length - 1)}
            role="option"
            aria-selected={active === options.length - 1}
            className={cn(
              "cursor-pointer border-t border-slate-200 px-3 py-2",
              active === options.length - 1 ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-slate-100",
            )}
            onMouseEnter={() => setActive(options.length - 1)}
            onClick={() => go(options[options.length - 1]!.href)}
          >
            {total ? t("seeAll", { q }) : `${t("none", { q })} ${t("seeAll", { q })}`}
          </div>
        ) : null}
      </div>
    </div>
  );
}
