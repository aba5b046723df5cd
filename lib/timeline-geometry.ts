// Where the timeline puts things: the period "Fit all" shows, axis ticks, marks grouped where they
// would overlap, and visits as spans. Pure functions, shared by the server query and the chart.
import type { DatePrecision } from "./domain";
import { DAY, periodEnd } from "./timeline";

/** Marks closer than this (px) on one row are drawn as one numbered group. */
export const GROUP_GAP = 24;

/**
 * The period "Fit all" draws: the first lane's start to today, padded on both sides by 5% of
 * the span, so the first and the latest marks sit inside the plot, not on its edges.
 */
export function fitPeriod(first: number, today: number): { from: number; to: number } {
  const pad = Math.max(30 * DAY, Math.round((today - first) * 0.05));
  return { from: Math.floor((first - pad) / DAY) * DAY, to: Math.ceil((today + Math.max(pad, 90 * DAY)) / DAY) * DAY };
}

/** Ticks at whole years, quarters, months, weeks or days: one per `every` px (a phone's labels are short). */
export function ticksFor(from: number, to: number, width: number, every = 90): { ticks: number[]; unit: "year" | "month" | "day" } {
  const span = to - from;
  const want = Math.max(3, Math.min(10, Math.floor(width / every)));
  // One label more than wanted is fine: it keeps three or more on a phone's plot.
  const years = [1, 2, 5, 10, 20].find((s) => span / (365.25 * DAY * s) <= want + 1);
  const start = new Date(from);
  if (span > 2.5 * 365 * DAY && years) {
    const out: number[] = [];
    for (let y = Math.ceil(start.getUTCFullYear() / years) * years; Date.UTC(y, 0, 1) < to; y += years) if (Date.UTC(y, 0, 1) >= from) out.push(Date.UTC(y, 0, 1));
    return { ticks: out, unit: "year" };
  }
  const months = [1, 2, 3, 6, 12].find((s) => span / (30.44 * DAY * s) <= want + 1);
  if (span > 60 * DAY && months) {
    const out: number[] = [];
    let y = start.getUTCFullYear();
    let m = start.getUTCMonth();
    for (; Date.UTC(y, m, 1) < to; m++) {
      if (m > 11) {
        m = 0;
        y++;
      }
      const t = Date.UTC(y, m, 1);
      if (t >= from && m % months === 0) out.push(t);
    }
    return { ticks: out, unit: "month" };
  }
  const days = [1, 2, 7, 14, 28].find((s) => span / (DAY * s) <= want + 1) ?? 28;
  const out: number[] = [];
  for (let t = Math.ceil(from / DAY) * DAY; t < to; t += days * DAY) out.push(t);
  return { ticks: out, unit: "day" };
}

/** A linear time scale onto the plot's pixels, as Recharts draws a number axis. */
export function pixelScale(view: { from: number; to: number }, left: number, width: number) {
  return (t: number) => left + ((t - view.from) / (view.to - view.from)) * width;
}

export interface Placed<T> {
  /** Pixel position on the row. */
  x: number;
  /** The period the item covers, UTC ms [t0, t1). */
  t0: number;
  t1: number;
  /** Meetings it stands for: 1 for a mark, the count for a bucket. */
  count: number;
  item: T;
}

export interface Group<T> {
  x: number;
  t0: number;
  t1: number;
  count: number;
  items: T[];
}

/**
 * Items of one row, in groups: an item less than `gap` px after the previous one joins its
 * group. A group of one is drawn as its mark; a larger group as one numbered mark at its centre.
 */
export function groupRow<T>(items: Placed<T>[], gap = GROUP_GAP): Group<T>[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  const out: (Group<T> & { last: number; first: number })[] = [];
  for (const p of sorted) {
    const g = out.at(-1);
    if (g && p.x - g.last < gap) {
      g.items.push(p.item);
      g.count += p.count;
      g.t0 = Math.min(g.t0, p.t0);
      g.t1 = Math.max(g.t1, p.t1);
      g.last = p.x;
    } else out.push({ x: p.x, first: p.x, last: p.x, t0: p.t0, t1: p.t1, count: p.count, items: [p.item] });
  }
  return out.map(({ first, last, ...g }) => ({ ...g, x: (first + last) / 2 }));
}

/** The days a visit covers, [t, end) in UTC ms: "2019-11" at month precision is all of November. */
export function visitSpan(startsOn: string, endsOn: string | null, precision: DatePrecision): { t: number; end: number } | null {
  const t = Date.parse(`${startsOn}T00:00:00Z`);
  if (Number.isNaN(t)) return null;
  const end = periodEnd(endsOn && endsOn >= startsOn ? endsOn : startsOn, precision);
  return { t, end };
}

/**
 * Stacking levels for spans on one lane, so that two visits at the same time both show: each
 * span takes the lowest level whose last span ended before it starts (in px, with a small gap).
 */
export function stackLevels(spans: { x1: number; x2: number }[], gap = 4): number[] {
  const ends: number[] = [];
  const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.x1 - b.x1);
  const levels = new Array<number>(spans.length).fill(0);
  for (const s of order) {
    let level = ends.findIndex((e) => e + gap <= s.x1);
    if (level < 0) level = ends.length;
    ends[level] = s.x2;
    levels[s.i] = level;
  }
  return levels;
}
