import "server-only";
// iCalendar (RFC 5545) for the calendar feed: meetings, visits' programme items and travel legs as
// VEVENTs in their own zones (TZID with a VTIMEZONE built from the platform's time-zone data),
// action due dates as all-day VEVENTs.
// CRLF line endings, lines folded at 75 octets without splitting a UTF-8 character, text escaped.
// Hand-written rather than ical-generator: the VTIMEZONEs come from the platform's own zone data
// (ical-generator needs a second package with bundled, ageing zone data for that), and the whole
// writer is this one file, checked by ical.js and Python's icalendar in the tests.
import { utcToZonedParts, zoneOffset } from "@/lib/format";

export interface IcsMeeting {
  uid: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number | null;
  /**
   * An end of its own, for a programme item or a travel leg: the instant, in `endTimeZone` (a
   * flight lands in the other end's zone; defaults to `timeZone`). Null writes no DTEND (the end
   * is not known); left out, the end is the duration after the start.
   */
  endsAt?: Date | null;
  endTimeZone?: string;
  summary: string;
  location?: string | null;
  description?: string | null;
  status: "planned" | "held" | "cancelled";
  url?: string | null;
  updatedAt?: Date;
  /** The record's version: SEQUENCE rises with every edit, so clients replace the old copy. */
  version?: number;
}

export interface IcsDue {
  uid: string;
  /** "YYYY-MM-DD" */
  date: string;
  summary: string;
  description?: string | null;
  url?: string | null;
  updatedAt?: Date;
  version?: number;
}

/** When calendar apps remind: a day before a meeting; a week before a due date and on the day, at 09:00. */
export const MEETING_ALARMS = ["-P1D"] as const;
export const DUE_ALARMS = ["-P6DT15H", "PT9H"] as const;

/** TEXT escaping (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets (§3.1), never inside a multi-byte character. */
export function fold(line: string): string {
  const out: string[] = [];
  let cur = "";
  let bytes = 0;
  for (const ch of line) {
    const b = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with one space
    if (bytes + b > limit) {
      out.push(cur);
      cur = "";
      bytes = 0;
    }
    cur += ch;
    bytes += b;
  }
  out.push(cur);
  return out.join("\r\n ");
}

const pad = (n: number) => String(n).padStart(2, "0");

function utcStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function localStamp(at: Date, zone: string): string {
  const { date, time } = utcToZonedParts(at, zone);
  return `${date.replaceAll("-", "")}T${time.replace(":", "")}00`;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Minutes east of UTC of a zone at an instant. */
function offsetMin(at: Date, zone: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zoneOffset(at, zone))!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * A VTIMEZONE with one observance per offset change between the years given, found by scanning
 * week by week and narrowing to the minute. Zones without changes get one STANDARD observance.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const WEEK = 7 * 86_400_000;
  const changes: { at: number; from: number; to: number }[] = [];
  let prevT = start;
  let prev = offsetMin(new Date(start), zone);
  for (let t = start + WEEK; t <= end; t += WEEK) {
    const o = offsetMin(new Date(t), zone);
    if (o !== prev) {
      let lo = prevT;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMin(new Date(mid), zone) === prev) lo = mid;
        else hi = mid;
      }
      changes.push({ at: hi, from: prev, to: o });
      prev = o;
    }
    prevT = t;
  }
  const fmt = (min: number) => {
    const s = min < 0 ? "-" : "+";
    const a = Math.abs(min);
    return `${s}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
  };
  // The wall-clock time of a change, read in the offset in force before it.
  const wall = (at: number, off: number) => utcStamp(new Date(at + off * 60_000)).slice(0, -1);
  const first = offsetMin(new Date(start), zone);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const std = Math.min(first, ...changes.map((c) => c.to));
  lines.push(
    `BEGIN:${first > std ? "DAYLIGHT" : "STANDARD"}`,
    `DTSTART:${wall(start, first)}`,
    `TZOFFSETFROM:${fmt(first)}`,
    `TZOFFSETTO:${fmt(first)}`,
    `END:${first > std ? "DAYLIGHT" : "STANDARD"}`,
  );
  for (const c of changes) {
    const kind = c.to > std ? "DAYLIGHT" : "STANDARD";
    lines.push(`BEGIN:${kind}`, `DTSTART:${wall(c.at, c.from)}`, `TZOFFSETFROM:${fmt(c.from)}`, `TZOFFSETTO:${fmt(c.to)}`, `END:${kind}`);
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

const STATUS = { planned: "TENTATIVE", held: "CONFIRMED", cancelled: "CANCELLED" } as const;

/** SEQUENCE starts at 0 (RFC 5545 §3.8.7.4); versions start at 1. */
const sequence = (version: number | undefined) => `SEQUENCE:${Math.max(0, (version ?? 1) - 1)}`;

function alarms(triggers: readonly string[], summary: string): string[] {
  return triggers.flatMap((t) => ["BEGIN:VALARM", "ACTION:DISPLAY", `TRIGGER:${t}`, `DESCRIPTION:${escapeText(summary)}`, "END:VALARM"]);
}

/**
 * The whole calendar as one string with CRLF line endings. With METHOD:PUBLISH, DTSTAMP is when
 * this copy was made (RFC 5545 §3.8.7.2), in UTC; LAST-MODIFIED and SEQUENCE say which revision
 * of each event it is.
 */
export function buildCalendar(opts: { name: string; meetings: IcsMeeting[]; dues: IcsDue[]; now?: Date }): string {
  const now = opts.now ?? new Date();
  const stamp = utcStamp(now);
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Bridgehead//Partnership tracker//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(opts.name)}`,
  ];
  const years = new Map<string, [number, number]>();
  const span = (at: Date, zone: string) => {
    const y = Number(utcToZonedParts(at, zone).date.slice(0, 4));
    const r = years.get(zone);
    years.set(zone, r ? [Math.min(r[0], y), Math.max(r[1], y)] : [y, y]);
  };
  for (const m of opts.meetings) {
    span(m.startsAt, m.timeZone);
    if (m.endsAt) span(m.endsAt, m.endTimeZone ?? m.timeZone);
  }
  for (const [zone, [a, b]] of [...years].sort(([x], [y]) => x.localeCompare(y))) lines.push(...vtimezone(zone, a, b));
  for (const m of opts.meetings) {
    const endAt = m.endsAt === undefined ? new Date(m.startsAt.getTime() + (m.durationMinutes ?? 60) * 60_000) : m.endsAt;
    const endZone = m.endsAt ? (m.endTimeZone ?? m.timeZone) : m.timeZone;
    lines.push("BEGIN:VEVENT", `UID:${m.uid}`, `DTSTAMP:${stamp}`, `DTSTART;TZID=${m.timeZone}:${localStamp(m.startsAt, m.timeZone)}`);
    if (endAt) lines.push(`DTEND;TZID=${endZone}:${localStamp(endAt, endZone)}`);
    lines.push(
      `SUMMARY:${escapeText(m.summary)}`,
      `STATUS:${STATUS[m.status]}`,
      sequence(m.version),
    );
    if (m.location) lines.push(`LOCATION:${escapeText(m.location)}`);
    if (m.description) lines.push(`DESCRIPTION:${escapeText(m.description)}`);
    if (m.url) lines.push(`URL:${m.url}`);
    if (m.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(m.updatedAt)}`);
    // A cancelled meeting stays in the feed, so clients mark it, but no longer rings.
    if (m.status !== "cancelled") lines.push(...alarms(MEETING_ALARMS, m.summary));
    lines.push("END:VEVENT");
  }
  for (const d of opts.dues) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${d.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${d.date.replaceAll("-", "")}`,
      `DTEND;VALUE=DATE:${nextDay(d.date).replaceAll("-", "")}`,
      `SUMMARY:${escapeText(d.summary)}`,
      "TRANSP:TRANSPARENT",
      sequence(d.version),
    );
    if (d.description) lines.push(`DESCRIPTION:${escapeText(d.description)}`);
    if (d.url) lines.push(`URL:${d.url}`);
    if (d.updatedAt) lines.push(`LAST-MODIFIED:${utcStamp(d.updatedAt)}`);
    lines.push(...alarms(DUE_ALARMS, d.summary));
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

