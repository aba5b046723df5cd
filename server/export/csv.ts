// CSV per RFC 4180: CRLF records, fields quoted when they hold a quote, comma or line break,
// quotes doubled. UTF-8 with a byte-order mark so Excel reads Korean and Chinese correctly.
// Text that a spreadsheet would run as a formula is neutralised with a leading apostrophe.
import { toIsoWithOffset } from "@/lib/format";
import { isZonedInstant, type CellValue, type Column } from "./table";

const BOM = "\uFEFF";
// Apostrophes already in front of a trigger get one more, so the import can take exactly one off
// and "'=x" typed by a user survives an export and re-import.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** "=HYPERLINK(...)" → "'=HYPERLINK(...)" (OWASP CSV injection); "'=x" → "''=x". */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvCell(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (isZonedInstant(v)) return toIsoWithOffset(v.at, v.zone);
  return quote(neutralise(v));
}

export function csvLine(cells: CellValue[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

export function csvHeader<R>(columns: Column<R>[]): string {
  return BOM + csvLine(columns.map((c) => c.header));
}

/** Rows per pull: large enough to be fast, small enough to keep memory flat. */
const BATCH = 500;

/**
 * A byte stream of the CSV. Rows are pulled from the iterator only when the consumer asks for
 * more (backpressure), so a cursor over 100,000 rows is never held in memory at once.
 */
export function csvStream<R>(columns: Column<R>[], rows: Iterable<R> | AsyncIterable<R>, hooks: { onEnd?: () => void } = {}): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
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
            chunk += csvLine(columns.map((c) => c.value(n.value)));
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
