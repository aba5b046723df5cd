// What spreadsheets write, turned into what the schemas read: 12-hour and Korean/Chinese
// AM/PM times, Excel serial dates and times, ISO instants with an offset, slashes and dots in
// dates, decimal commas. Each returns null when it cannot read the text, and the caller reports it.

/** Excel's day 0 (serials count days from 1899-12-30, so 1900's phantom leap day is absorbed). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** A serial date (five digits: 1927 to 2173, so that "2008" stays a year). */
const SERIAL_DATE = /^\d{5}(\.\d+)?$/;
/** A serial time: the fraction of a day. */
const SERIAL_TIME = /^0?\.\d+$|^0$/;

function serialParts(serial: number): { date: string; time: string } {
  // Round to the minute: serials carry binary fractions (0.625 is 15:00, 0.6041666… is 14:30).
  const ms = Math.round((serial * DAY) / 60_000) * 60_000;
  const d = new Date(EXCEL_EPOCH + ms);
  return { date: d.toISOString().slice(0, 10), time: d.toISOString().slice(11, 16) };
}

/** "2019-11-27", "2019/11/27", "2019.11.27", "2019. 11. 27." or a serial such as 43796 → "2019-11-27". */
export function readDate(s: string): string | null {
  const t = s.trim();
  if (SERIAL_DATE.test(t)) return serialParts(Number(t)).date;
  const m = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\.?$/.exec(t);
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : null;
}

/** A partner's since-date: "2008", "2019-11", "2019/11", a full date, or a serial. */
export function readPartialDate(s: string): string | null {
  const t = s.trim();
  if (/^\d{4}$/.test(t)) return t;
  const ym = /^(\d{4})\s*[-/.]\s*(\d{1,2})\.?$/.exec(t);
  if (ym) return `${ym[1]}-${pad(Number(ym[2]))}`;
  return readDate(t);
}

const MERIDIEM: [RegExp, "am" | "pm"][] = [
  [/^(a\.?m\.?|오전|上午|午前)$/i, "am"],
  [/^(p\.?m\.?|오후|下午|午後)$/i, "pm"],
];

function meridiem(s: string | undefined): "am" | "pm" | null | undefined {
  if (!s) return undefined;
  return MERIDIEM.find(([re]) => re.test(s))?.[1] ?? null;
}

/**
 * "15:00", "15:00:00", "2:30 PM", "02:30:00 PM", "오후 2:30:00" or a serial fraction → "HH:MM".
 * Seconds other than :00 are refused rather than dropped.
 */
export function readTime(s: string): string | null {
  const t = s.trim();
  if (SERIAL_TIME.test(t)) return serialParts(Number(t)).time;
  const m = /^(?:([^\d\s]\S*)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([^\d\s]\S*)?$/.exec(t);
  if (!m) return null;
  const [, before, hh, mm, ss, after] = m;
  if (before && after) return null;
  const half = meridiem(before ?? after);
  if (half === null) return null;
  let h = Number(hh);
  const min = Number(mm);
  if (min > 59 || (ss !== undefined && ss !== "00")) return null;
  if (half) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (half === "pm" ? 12 : 0);
  } else if (h > 23) return null;
  return `${pad(h)}:${pad(min)}`;
}

/** "+08:00", "-0530", "Z" → minutes east of UTC. */
function offsetMinutes(s: string): number {
  if (s === "Z" || s === "z") return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(s)!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * A meeting's start as one cell: the export's "2019-11-27T15:00:00+08:00", "2019-11-27 15:00",
 * "2019-11-27 2:30 PM" or a serial date-time (43796.625). The wall-clock date and time are read;
 * an offset, when written, is returned so the caller can check it against the time zone.
 */
export function readStart(s: string): { date: string; time: string; offset?: number } | null {
  const t = s.trim();
  if (SERIAL_DATE.test(t)) return serialParts(Number(t));
  const m = /^(\d{4}-\d{2}-\d{2}|\d{4}[/.]\d{1,2}[/.]\d{1,2})(?:[T\s]+(.+?))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) return null;
  const date = readDate(m[1]!);
  const time = m[2] ? readTime(m[2]) : null;
  if (!date || !time) return null;
  return m[3] ? { date, time, offset: offsetMinutes(m[3]) } : { date, time };
}

/** "1,234" or, in a file whose separator is ";", "29,56" → a plain number string. */
export function readNumber(s: string, decimalComma: boolean): string {
  const t = s.trim().replace(/\s/g, "");
  if (decimalComma && /^-?\d+,\d+$/.test(t)) return t.replace(",", ".");
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return t.replaceAll(",", "");
  return t;
}

/** Text compared without case, width or spacing differences ("Video  call" = "video call"). */
export function normalLabel(s: string): string {
  return s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}
