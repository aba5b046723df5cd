// The timeline as a list: a year of events and visits.
import type { TimelineLane, TimelineMark, TimelineVisit } from "@/lib/timeline";

export interface TimelineListYear {
  year: number;
  /** Every event of the year that matches the filters. */
  count: number;
  /** The first events of the year (all of them when `count` is small enough). */
  events: TimelineMark[];
  /** The visits that start in the year (within the period), sharing the year's cap with its events. */
  visits: TimelineVisit[];
}

/** A window of the list: whole years, the next year to read (null at the end), and the period's total. */
export interface TimelineListWindow {
  years: TimelineListYear[];
  next: number | null;
  total: number;
  /** The lanes the window's rows name. */
  lanes: Pick<TimelineLane, "id" | "slug" | "nameEn" | "nameKo">[];
}
