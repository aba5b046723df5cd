import { Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** One part of the meeting form: a fieldset with its legend and a hint. */
export function Section({ title, children, hint }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      {hint ? <p className="-mt-2 text-sm text-slate-600">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/** A participant, gift or follow-up row: its legend, the remove button first, then its fields. */
export function RowFieldset({ legend, removeLabel, onRemove, children }: { legend: string; removeLabel: string; onRemove: () => void; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-800">{legend}</legend>
      {/* First in the row: a row added by keyboard starts at its first field, past this button. */}
      <div className="-mt-2 flex justify-end">
        <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
          <Trash2 aria-hidden className="size-4" />
          {removeLabel}
        </Button>
      </div>
      {children}
    </fieldset>
  );
}
