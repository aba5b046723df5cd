// Every date, time-zone and precision rendering goes through here, always with an explicit
// zone and locale so that the server and the browser render the same text.
import type { DatePrecision } from "./domain";

export type Locale = "en" | "ko";
export const LOCALES: readonly Locale[] = ["en", "ko"];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(v: unknown): v is Locale {
  return v === "en" || v === "ko";
}

const intlLocale = (l: Locale) => (l === "ko" ? "ko-KR" : "en-GB");

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into its parts; null when malformed. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = match[2] ? Number(match[2]) : 1;
  const d = match[3] ? Number(match[3]) : 1;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return { y, m, d };
}

/** Normalises a date of some precision to the ISO date of the period's first day. */
export function normaliseDate(s: string, precision: DatePrecision): string | null {
  const p = parseIsoDate(s);
  if (!p) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (precision === "year") return `${p.y}-01-01`;
  if (precision === "month") return `${p.y}-${pad(p.m)}-01`;
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

/** "2008", "Nov 2019", "27 Nov 2019" (en); "2008년", "2019년 11월", "2019년 11월 27일" (ko). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatPrecisionDate(iso: string | null | undefined, precision: DatePrecision, locale: Locale): string {
  if (!iso) return "";
  const p = parseIsoDate(iso);
  if (!p) return iso;
  const date = new Date(Date.UTC(p.y, p.m - 1, p.d));
  const opts: Intl.DateTimeFormatOptions =
    precision === "year"
      ? { year: "numeric" }
      : precision === "month"
        ? { year: "numeric", month: "short" }
        : { year: "numeric", month: "short", day: "numeric" };
  if (locale === "ko" && precision !== "year") opts.month = "long";
  // One formatter per locale and precision: building one costs far more than using it (a catch-up digest formats thousands).
  const k = `${locale}:${precision}`;
  let f = dateFormats.get(k);
  if (!f) dateFormats.set(k, (f = new Intl.DateTimeFormat(intlLocale(locale), { ...opts, timeZone: "UTC" })));
  return f.format(date);
}

/** A calendar date (no time) such as a due date. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  return formatPrecisionDate(iso, "day", locale);
}

/** The UTC offset of a zone at an instant, as "+08:00". */
// Building an Intl.DateTimeFormat costs far more than using one; exports format thousands of rows.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const partsFormats = new Map<string, Intl.DateTimeFormat>();

export function zoneOffset(instant: Date, timeZone: string): string {
  let f = offsetFormats.get(timeZone);
  if (!f) offsetFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })));
  const parts = f.formatToParts(instant);
  const name = parts.find((x) => x.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-]\d{2}:\d{2})?/.exec(name);
  return m?.[1] ?? "+00:00";
}

/** "27 Nov 2019, 15:00" in the given zone. */
export function formatInstant(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    year: "numeric",
    month: locale === "ko" ? "long" : "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}

/** "27 Nov 2019, 15:00 (UTC+08:00, Asia/Shanghai)". */
export function formatInstantWithZone(instant: Date, timeZone: string, locale: Locale): string {
  return `${formatInstant(instant, timeZone, locale)} (UTC${zoneOffset(instant, timeZone)}, ${timeZone})`;
}

/**
 * A meeting's start in its own zone, and in the viewer's zone when that shows a different
 * wall-clock time.
 */
export function formatMeetingTime(
  instant: Date,
  meetingZone: string,
  viewerZone: string,
  locale: Locale,
): { local: string; viewer: string | null } {
  const local = formatInstantWithZone(instant, meetingZone, locale);
  const differs = zoneOffset(instant, meetingZone) !== zoneOffset(instant, viewerZone);
  return { local, viewer: differs ? formatInstantWithZone(instant, viewerZone, locale) : null };
}

/** Converts a wall-clock date and time in an IANA zone to the UTC instant. */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date | null {
  const d = parseIsoDate(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t || date.length !== 10) return null;
  const hh = Number(t[1]);
  const mm = Number(t[2]);
  if (hh > 23 || mm > 59) return null;
  const guess = Date.UTC(d.y, d.m - 1, d.d, hh, mm);
  // Two passes settle the offset across DST transitions.
  let instant = guess;
  for (let i = 0; i < 2; i++) {
    const off = offsetMinutes(new Date(instant), timeZone);
    instant = guess - off * 60_000;
  }
  return new Date(instant);
}

/**
 * A period of calendar days read in a zone, as UTC bounds: from the start of `from` (included) to
 * the start of the day after `to` (excluded), so both days are in it. Either end may be open. The
 * one meaning of a from/to day filter over instants (meetings, the audit trail).
 */
export function dayPeriodUtc(from: string | undefined, to: string | undefined, timeZone: string): { fromAt?: Date; toAt?: Date } {
  const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    fromAt: from ? (zonedTimeToUtc(from, "00:00", timeZone) ?? undefined) : undefined,
    toAt: to ? (zonedTimeToUtc(nextDay(to), "00:00", timeZone) ?? undefined) : undefined,
  };
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const [sign, hh, mm] = /^([+-])(\d{2}):(\d{2})$/.exec(zoneOffset(instant, timeZone))!.slice(1) as [string, string, string];
  return (sign === "-" ? -1 : 1) * (Number(hh) * 60 + Number(mm));
}

/** The wall-clock date ("YYYY-MM-DD") and time ("HH:mm") of an instant in a zone. */
export function utcToZonedParts(instant: Date, timeZone: string): { date: string; time: string } {
  let f = partsFormats.get(timeZone);
  if (!f)
    partsFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })),
    );
  const parts = f.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** ISO 8601 with the zone's offset: "2019-11-27T15:00:00+08:00". */
export function toIsoWithOffset(instant: Date, timeZone: string): string {
  const off = fastOffsetMinutes(instant, timeZone);
  const local = new Date(Math.floor(instant.getTime() / 60_000) * 60_000 + off * 60_000).toISOString();
  const a = Math.abs(off);
  const sign = off < 0 ? "-" : "+";
  return `${local.slice(0, 16)}:00${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

// Offsets per zone and UTC day: when a day starts and ends at the same offset, every instant in
// it has that offset (zone changes are never shorter than a day), so exports of many rows need
// two Intl calls per day instead of two per row.
const dayOffsets = new Map<string, number | null>();

function fastOffsetMinutes(instant: Date, timeZone: string): number {
  const day = Math.floor(instant.getTime() / 86_400_000);
  const key = `${timeZone}|${day}`;
  let v = dayOffsets.get(key);
  if (v === undefined) {
    const a = offsetMinutes(new Date(day * 86_400_000), timeZone);
    const b = offsetMinutes(new Date((day + 1) * 86_400_000 - 1), timeZone);
    v = a === b ? a : null;
    if (dayOffsets.size > 200_000) dayOffsets.clear();
    dayOffsets.set(key, v);
  }
  return v ?? offsetMinutes(instant, timeZone);
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

export function formatMoney(value: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency }).format(value);
  } catch {
    return `${formatNumber(value, locale)} ${currency}`;
  }
}

/** Whole days between an instant and now (for "last contact N days ago"). */
export function daysSince(instant: Date, now = new Date()): number {
  return Math.floor((now.getTime() - instant.getTime()) / 86_400_000);
}

/** Today's calendar date in a zone, "YYYY-MM-DD". */
export function todayIn(timeZone: string, now = new Date()): string {
  return utcToZonedParts(now, timeZone).date;
}
