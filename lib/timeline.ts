// The timeline's shared vocabulary: what the server sends and the client draws, the URL
// parameters it reads, and how each event kind looks. No server-only imports: the chart uses it.
import { MEETING_KINDS, type DatePrecision, type MeetingKind, type MilestoneKind, type VisitDirection, type VisitStatus } from "./domain";
import { parseIsoDate } from "./format";

/** Kinds a user can filter by: every milestone, or one kind of meeting. */
export const EVENT_KINDS = ["milestone", ...MEETING_KINDS] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface TimelineFilters {
  partners: string[];
  kinds: EventKind[];
  /** Inclusive calendar dates, "YYYY-MM-DD"; null for "from the first partnership" / "to today". */
  from: string | null;
  to: string | null;
  q: string | null;
}

export interface TimelineLane {
  id: number;
  slug: string;
  nameEn: string;
  nameKo: string;
  status: string;
  sinceDate: string | null;
  sincePrecision: DatePrecision | null;
  /** UTC ms of the lane's first day (the since period's start). */
  start: number;
  /** Stretches without recorded contact for a year or more, [from, to) in UTC ms. */
  quiet: [number, number][];
}

export type TimelineMark =
  | {
      type: "milestone";
      id: number;
      laneId: number;
      kind: MilestoneKind;
      /** The period's first day and the day after its last, UTC ms. */
      t: number;
      end: number;
      date: string;
      precision: DatePrecision;
      title: string;
    }
  | {
      type: "meeting";
      id: number;
      laneId: number;
      kind: MeetingKind;
      t: number;
      timeZone: string;
      status: string;
      title: string;
    };

/** Many meetings (or visits) of one partner in one month or year, drawn as one mark with a count. */
export interface TimelineBucket {
  laneId: number;
  unit: "month" | "year";
  /** First day of the bucket, "YYYY-MM-01" or "YYYY-01-01". */
  key: string;
  t: number;
  end: number;
  count: number;
}

/** A visit on one partner's lane (a visit of two partners is drawn on both lanes). */
export interface TimelineVisit {
  id: number;
  laneId: number;
  title: string;
  direction: VisitDirection;
  status: VisitStatus;
  /** "YYYY-MM-DD" (the period's first day) and precision, as stored; endsOn null for one day or one period. */
  startsOn: string;
  endsOn: string | null;
  precision: DatePrecision;
  /** The first day and the day after the last, UTC ms: a month-precision visit spans its month. */
  t: number;
  end: number;
}

export interface TimelineData {
  lanes: TimelineLane[];
  /** The drawn period, UTC ms [from, to). */
  from: number;
  to: number;
  today: number;
  marks: TimelineMark[];
  buckets: TimelineBucket[];
  /** Dated visits that overlap the period, one per partner lane; empty when they are bucketed. */
  visits: TimelineVisit[];
  /** Visits per partner and month (or year) when the period holds more than the chart draws one by one. */
  visitBuckets: TimelineBucket[];
  /** Meetings in the period that match the filters (also when drawn as buckets). */
  meetingCount: number;
}

export const DAY = 86_400_000;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dayMs(iso: string): number | null {
  const p = parseIsoDate(iso);
  if (!p || iso.length !== 10) return null;
  return Date.UTC(p.y, p.m - 1, p.d);
}

/** The day after the last day of a period that starts on `iso`. */
export function periodEnd(iso: string, precision: DatePrecision): number {
  const p = parseIsoDate(iso)!;
  if (precision === "year") return Date.UTC(p.y + 1, 0, 1);
  if (precision === "month") return Date.UTC(p.y, p.m, 1);
  return Date.UTC(p.y, p.m - 1, p.d + 1);
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Reads the filters from the URL; anything malformed is dropped, never an error page. */
export function parseTimelineParams(sp: Record<string, string | string[] | undefined>): TimelineFilters {
  const date = (v: string | undefined) => (v && dayMs(v) !== null ? v : null);
  let from = date(one(sp.from));
  let to = date(one(sp.to));
  if (from && to && from > to) [from, to] = [to, from];
  const q = one(sp.q)?.trim().slice(0, 200) || null;
  return {
    partners: [...new Set(many(sp.partner).filter((s) => /^[a-z0-9-]{1,64}$/.test(s)))],
    kinds: [...new Set(many(sp.kind).filter((k): k is EventKind => (EVENT_KINDS as readonly string[]).includes(k)))],
    from,
    to,
    q,
  };
}

export function timelineSearch(f: TimelineFilters): URLSearchParams {
  const sp = new URLSearchParams();
  for (const p of f.partners) sp.append("partner", p);
  for (const k of f.kinds) sp.append("kind", k);
  if (f.from) sp.set("from", f.from);
  if (f.to) sp.set("to", f.to);
  if (f.q) sp.set("q", f.q);
  return sp;
}

// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), each kind
// also with its own shape so that colour is never the only cue.
export type MarkShape = "circle" | "square" | "triangle" | "diamond" | "star" | "cross" | "wye";
export const MARK_STYLE: Record<EventKind | MilestoneKind, { shape: MarkShape; color: string }> = {
  milestone: { shape: "diamond", color: "#000000" },
  start: { shape: "star", color: "#000000" },
  agreement: { shape: "diamond", color: "#D55E00" },
  mou: { shape: "diamond", color: "#D55E00" },
  delegation: { shape: "diamond", color: "#CC79A7" },
  other: { shape: "diamond", color: "#CC79A7" },
  meeting: { shape: "circle", color: "#0072B2" },
  visit: { shape: "triangle", color: "#009E73" },
  video_call: { shape: "square", color: "#56B4E9" },
  signing: { shape: "cross", color: "#E69F00" },
  event: { shape: "wye", color: "#CC79A7" },
};

export function markStyle(m: TimelineMark) {
  return m.type === "milestone" ? MARK_STYLE[m.kind === "visit" ? "delegation" : m.kind] : MARK_STYLE[m.kind];
}

/** Partner colours for stacked charts: Okabe–Ito, then the same hues again in a darker shade. */
export const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442"];

/** Visit bars (chart, legend and list): plain values, so server components inline them. */
export const VISIT_FILL = "#009E73";
export const VISIT_STROKE = "#00563f";
