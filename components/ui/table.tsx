import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/**
 * A table that scrolls sideways inside its own box on narrow screens, or with `stack` turns each
 * row into a card on phones (give each Td the `label` of its column; see globals.css).
 */
export function Table({ caption, head, children, stack = false }: { caption: ReactNode; head?: readonly Column[]; children: ReactNode; stack?: boolean }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm" role="region" aria-label={typeof caption === "string" ? caption : undefined} tabIndex={0}>
      <table data-stack={stack ? "" : undefined} className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {head ? <TableHead columns={head} /> : null}
        {children}
      </table>
    </div>
  );
}

/**
 * A column header: its words, or words only a screen reader reads (a column of buttons), or a
 * right-aligned numeric column. The key is the label unless given.
 */
export type Column = string | { label: string; hidden?: boolean; numeric?: boolean; key?: string | number };

/** The header row of a table, one `Th` a column: every table's `<thead>` is drawn here. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const col = typeof c === "string" ? { label: c } : c;
          return (
            <Th key={col.key ?? col.label} className={col.numeric ? "text-right" : undefined}>
              {col.hidden ? <span className="sr-only">{col.label}</span> : col.label}
            </Th>
          );
        })}
      </tr>
    </thead>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={cn("border-b border-slate-200 bg-slate-50 px-3 py-2 font-semibold text-slate-700", className)} {...props} />;
}

/** `label`: the column's header, shown above the value when a stacked table is read on a phone. */
export function Td({ className, label, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return <td data-label={label} className={cn("border-b border-slate-100 px-3 py-2 align-top", className)} {...props} />;
}
