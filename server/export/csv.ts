// CSV per RFC 4180: CRLF records, fields quoted when they hold a quote, comma or line break,
// quotes doubled. UTF-8 with a byte-order mark so Excel reads Korean and Chinese correctly.
// Text that a spreadsheet would run as a formula is neutralised with a leading apostrophe.
import { isZonedInstant, type CellValue, type Column } from "./table";
import { ZoneClock } from "./zone-clock";

const BOM = "\uFEFF";
// Apostrophes already in front of a trigger get one more, so the import can take exactly one off
// and "'=x" typed by a user survives an export and re-import.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** "=HYPERLINK(...)" → "'=HYPERLINK(...)" (OWASP CSV injection); "'=x" → "''=x". */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

const NEEDS_QUOTES = /[",\r\n]/;

function quote(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvCell(v: CellValue, clock: ZoneClock = new ZoneClock()): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (isZonedInstant(v)) return clock.iso(v.at.getTime(), v.zone);
  return quote(neutralise(v));
}

/** One record; built by appending, since an export calls it once per row. */
function csvRow<R>(columns: Column<R>[], row: R, clock: ZoneClock): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) line += (i ? "," : "") + csvCell(columns[i]!.value(row), clock);
  return `${line}\r\n`;
}

export function csvHeader<R>(columns: Column<R>[]): string {
  return `${BOM}${columns.map((c) => csvCell(c.header)).join(",")}\r\n`;
}

/** Rows per pull: large enough to be fast, small enough to keep memory flat. */
const BATCH = 500;

/**
 * A byte stream of the CSV. Rows are pulled from the iterator only when the consumer asks for
 * more (backpressure), so a cursor over 100,000 rows is never held in memory at once.
 */
export function csvStream<R>(columns: Column<R>[], rows: Iterable<R> | AsyncIterable<R>, hooks: { onEnd?: () => void } = {}): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const clock = new ZoneClock();
  // A SQLite cursor is read synchronously, a whole batch per pull; a PostgreSQL one in fetched batches.
  const sync = Symbol.iterator in rows ? rows[Symbol.iterator]() : null;
  const it = sync ?? (rows as AsyncIterable<R>)[Symbol.asyncIterator]();
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    void it.return?.();
    hooks.onEnd?.();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(enc.encode(csvHeader(columns)));
      },
      async pull(controller) {
        try {
          let chunk = "";
          for (let i = 0; i < BATCH; i++) {
            const n = sync ? sync.next() : await it.next();
            if (n.done) {
              if (chunk) controller.enqueue(enc.encode(chunk));
              finish();
              controller.close();
              return;
            }
            chunk += csvRow(columns, n.value, clock);
          }
          controller.enqueue(enc.encode(chunk));
        } catch (e) {
          finish();
          controller.error(e);
        }
      },
      cancel() {
        finish();
      },
    },
    { highWaterMark: 4 },
  );
}
