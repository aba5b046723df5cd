// The timeline as a list: a year of events and visits.
import type { TimelineMark, TimelineVisit } from "@/lib/timeline";

export interface TimelineListYear {
  year: number;
  /** Every event of the year that matches the filters. */
  count: number;
  /** The first events of the year (all of them when `count` is small enough). */
  events: TimelineMark[];
  /** The visits that start in the year (within the period). */
  visits: TimelineVisit[];
}
