"use client";
import { Plus, Trash2 } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** One part of a long form (a meeting, a visit): a fieldset with its legend and a hint. */
export function FormSection({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      {hint ? <p className="-mt-2 text-sm text-slate-600">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/**
 * A list of rows (participants, gifts, follow-ups, delegation members, programme items…) with add
 * and remove, each row its own fieldset. Keyboard users stay where they work: a row just added
 * has the focus on its first field, and after a remove the focus is on the add button.
 */
export function RowList<R extends { key: string }>(props: {
  rows: R[];
  legend: (n: number) => string;
  removeLabel: (n: number) => string;
  onRemove: (key: string) => void;
  addLabel: string;
  onAdd: () => void;
  /** The add button's id, for a link or a test that names it. */
  addId?: string;
  /** The layout of a row's fields (a grid); by default they stack. */
  bodyClassName?: string;
  children: (row: R, i: number) => ReactNode;
}) {
  const list = useRef<HTMLOListElement>(null);
  const ownId = useId();
  const addId = props.addId ?? ownId;
  const added = useRef(false);
  const count = props.rows.length;
  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    list.current?.lastElementChild?.querySelector<HTMLElement>(":is(select, textarea, input)")?.focus();
  }, [count]);

  return (
    <>
      <ol ref={list} className="space-y-4">
        {props.rows.map((r, i) => (
          <li key={r.key} data-row={r.key}>
            <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-semibold text-slate-800">{props.legend(i + 1)}</legend>
              {/* First in the row: a row added by keyboard starts at its first field, past this button. */}
              <div className="-mt-2 flex justify-end">
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  onClick={() => {
                    props.onRemove(r.key);
                    document.getElementById(addId)?.focus();
                  }}
                >
                  <Trash2 aria-hidden className="size-4" />
                  {props.removeLabel(i + 1)}
                </Button>
              </div>
              <div className={props.bodyClassName ?? "space-y-3"}>{props.children(r, i)}</div>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        id={addId}
        onClick={() => {
          added.current = true;
          props.onAdd();
        }}
      >
        <Plus aria-hidden className="size-4" />
        {props.addLabel}
      </Button>
    </>
  );
}
