import { formatInstant, formatNumber, formatPrecisionDate, type Locale } from "@/lib/format";
import { DAY, isoDay, type TimelineBucket, type TimelineLane, type TimelineMark, type TimelineVisit } from "@/lib/timeline";
import type { Group } from "@/lib/timeline-geometry";
import { laneName } from "./lane-name";

/** What a drawn item stands for: an event, counted meetings, a visit, or items too close to tell apart. */
export type ChartItem =
  | { mark: TimelineMark }
  | { bucket: TimelineBucket }
  | { visit: TimelineVisit }
  | { visitBucket: TimelineBucket }
  | { group: Group<ChartItem>; laneId: number; row: "above" | "lane" };

export function markHref(m: TimelineMark, lane: TimelineLane | undefined) {
  return m.type === "meeting" ? `/meetings/${m.id}` : `/partners/${lane?.slug ?? ""}#milestones`;
}

export function bucketHref(b: TimelineBucket, lane: TimelineLane | undefined) {
  return `/meetings?${new URLSearchParams({ partner: lane?.slug ?? "", from: b.key, to: isoDay(b.end - DAY) }).toString()}`;
}

/** The timeline zoomed to one bucket's period and partner: there its visits are drawn one by one. */
export function visitBucketHref(b: TimelineBucket, lane: TimelineLane | undefined) {
  return `/timeline?${new URLSearchParams({ partner: lane?.slug ?? "", from: b.key, to: isoDay(b.end - DAY) }).toString()}`;
}

/** "Nov 2019" for a month-precision visit, "27 – 29 Nov 2019"-like days for a dated one. */
export function visitPeriod(v: Pick<TimelineVisit, "startsOn" | "endsOn" | "precision">, locale: Locale) {
  const a = formatPrecisionDate(v.startsOn, v.precision, locale);
  const b = v.endsOn && v.endsOn !== v.startsOn ? formatPrecisionDate(v.endsOn, v.precision, locale) : null;
  return b ? `${a} – ${b}` : a;
}

type T = (k: string, v?: Record<string, string | number>) => string;

export interface Described {
  title: string;
  meta: string;
  href: string;
  /** The accessible name of the drawn link. */
  label: string;
}

export function describeItem(item: ChartItem, { t, te, tv, laneById, locale }: { t: T; te: T; /** visits.status */ tv: T; laneById: Map<number, TimelineLane>; locale: Locale }): Described {
  if ("group" in item) {
    const g = item.group;
    const lane = laneById.get(item.laneId);
    const laneText = lane ? laneName(lane, locale) : "";
    const a = formatPrecisionDate(isoDay(g.t0), "day", locale);
    const b = formatPrecisionDate(isoDay(Math.max(g.t0, g.t1 - DAY)), "day", locale);
    const period = a === b ? a : `${a} – ${b}`;
    const title = t("groupTitle", { count: g.count, n: formatNumber(g.count, locale) });
    const href =
      item.row === "above"
        ? `/partners/${lane?.slug ?? ""}#milestones`
        : `/meetings?${new URLSearchParams({ partner: lane?.slug ?? "", from: isoDay(g.t0), to: isoDay(Math.max(g.t0, g.t1 - DAY)) }).toString()}`;
    return { title, meta: t("groupMeta", { period, lane: laneText }), href, label: t("groupLabel", { title, period, lane: laneText }) };
  }
  if ("visit" in item) {
    const v = item.visit;
    const lane = laneById.get(v.laneId);
    const kind = t(v.direction === "outgoing" ? "visitOutgoing" : "visitIncoming");
    const meta = `${kind} (${tv(v.status)}) · ${visitPeriod(v, locale)} · ${lane ? laneName(lane, locale) : ""}`;
    return { title: v.title, meta, href: `/visits/${v.id}`, label: `${meta}: ${v.title}` };
  }
  if ("visitBucket" in item) {
    const b = item.visitBucket;
    const lane = laneById.get(b.laneId);
    const laneText = lane ? laneName(lane, locale) : "";
    const period = formatPrecisionDate(b.key, b.unit, locale);
    const title = t("visitBucketTitle", { count: b.count, n: formatNumber(b.count, locale) });
    return { title, meta: t("groupMeta", { period, lane: laneText }), href: visitBucketHref(b, lane), label: t("groupLabel", { title, period, lane: laneText }) };
  }
  if ("bucket" in item) {
    const b = item.bucket;
    const lane = laneById.get(b.laneId);
    const title = t("bucketTitle", { count: b.count, n: formatNumber(b.count, locale) });
    const meta = `${formatPrecisionDate(b.key, b.unit, locale)} · ${lane ? laneName(lane, locale) : ""}`;
    return { title, meta, href: bucketHref(b, lane), label: `${meta}: ${title}` };
  }
  const m = item.mark;
  const lane = laneById.get(m.laneId);
  const when = m.type === "milestone" ? formatPrecisionDate(m.date, m.precision, locale) : formatInstant(new Date(m.t), m.timeZone, locale);
  const kind = m.type === "milestone" ? te(`milestoneKind.${m.kind}`) : te(`meetingKind.${m.kind}`);
  const status = m.type === "meeting" && m.status !== "held" ? ` (${te(`meetingStatus.${m.status}`)})` : "";
  const meta = `${kind}${status} · ${when} · ${lane ? laneName(lane, locale) : ""}`;
  return { title: m.title, meta, href: markHref(m, lane), label: `${meta}: ${m.title}` };
}
