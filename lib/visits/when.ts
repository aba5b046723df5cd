import type { DatePrecision } from "@/lib/domain";
import { formatPrecisionDate, type Locale } from "@/lib/format";

/** "Nov 2019", "12 May 2026 – 14 May 2026", or null while the date is to be scheduled. */
export function visitDates(v: { startsOn: string | null; endsOn: string | null; datePrecision: string }, locale: Locale): string | null {
  if (!v.startsOn) return null;
  const p = v.datePrecision as DatePrecision;
  const start = formatPrecisionDate(v.startsOn, p, locale);
  return v.endsOn && v.endsOn !== v.startsOn ? `${start} – ${formatPrecisionDate(v.endsOn, p, locale)}` : start;
}
