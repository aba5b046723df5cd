import type { ReactNode } from "react";

/** One term and its value in a record's facts (`<dl>`): the term in a fixed column, the value wrapping. */
export function Pair({ k, v }: { k: string; v: ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-28 shrink-0 text-slate-600">{k}</dt>
      <dd className="min-w-0 break-words text-slate-900">{v}</dd>
    </div>
  );
}
