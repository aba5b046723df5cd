"use client";
import { Symbols } from "recharts";
import { MARK_STYLE, type EventKind } from "@/lib/timeline";
import type { MilestoneKind } from "@/lib/domain";

/** The chart's symbol for a kind, for the legend and the list (decorative: the text names it). */
export function MarkIcon({ kind, size = 16 }: { kind: EventKind | MilestoneKind; size?: number }) {
  const s = MARK_STYLE[kind];
  return (
    <svg aria-hidden width={size} height={size} viewBox="0 0 16 16" className="shrink-0">
      <Symbols cx={8} cy={8} type={s.shape} size={80} fill={s.color} stroke="#ffffff" strokeWidth={1} />
    </svg>
  );
}
