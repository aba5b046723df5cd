"use client";
import { symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from "d3-shape";
import { MARK_STYLE, type EventKind, type MarkShape } from "@/lib/timeline";
import type { MilestoneKind } from "@/lib/domain";

// d3-shape's symbols, as the chart draws them (Recharts' Symbols is the same generator), without
// loading Recharts on the routes and the parts that only show the legend and the list's icons.
const SHAPES: Record<MarkShape, SymbolType> = {
  circle: symbolCircle,
  cross: symbolCross,
  diamond: symbolDiamond,
  square: symbolSquare,
  star: symbolStar,
  triangle: symbolTriangle,
  wye: symbolWye,
};
/** The symbol's area in the 16-unit box, as the chart's size 80. */
const AREA = 80;
const PATHS = Object.fromEntries(Object.entries(SHAPES).map(([k, s]) => [k, symbol(s, AREA)() ?? ""])) as Record<MarkShape, string>;

/** The chart's symbol for a kind, for the legend and the list (decorative: the text names it). */
export function MarkIcon({ kind, size = 16 }: { kind: EventKind | MilestoneKind; size?: number }) {
  const s = MARK_STYLE[kind];
  return (
    <svg aria-hidden width={size} height={size} viewBox="0 0 16 16" className="shrink-0">
      <path d={PATHS[s.shape]} transform="translate(8, 8)" fill={s.color} stroke="#ffffff" strokeWidth={1} />
    </svg>
  );
}
