// Excel workbooks written with exceljs's streaming WorkbookWriter: rows are committed as they
// are read, so memory stays flat however many rows there are. Cells are typed (numbers as
// numbers, dates as dates), the header row is frozen and filterable, one sheet per record type.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { toIsoWithOffset } from "@/lib/format";
import { isZonedInstant, type CellValue, type Column, type Sheet } from "./table";

const DATE_FMT = "yyyy-mm-dd";
const DATETIME_FMT = "yyyy-mm-dd hh:mm";

/** Excel has no time zones: an instant is written as the wall-clock time in its own zone. */
function wallClock(at: Date, zone: string): Date {
  return new Date(`${toIsoWithOffset(at, zone).slice(0, 19)}Z`);
}

function cellOf<R>(col: Column<R>, v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined || v === "") return null;
  if (isZonedInstant(v)) return wallClock(v.at, v.zone);
  if (col.type === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  if (col.type === "number" && typeof v === "number") return v;
  return String(v);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet";
}

/** Writes the sheets into a Node stream, waiting for the reader whenever its buffer is full. */
export async function writeWorkbook(sheets: Sheet[], out: PassThrough, opts: { creator?: string } = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = opts.creator ?? "Bridgehead";
  wb.created = new Date();
  for (const s of sheets) {
    const cols = s.columns as unknown as Column<unknown>[];
    const ws = wb.addWorksheet(sheetName(s.name), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = cols.map((c, i) => ({
      key: String(i),
      width: c.width ?? 16,
      style: c.type === "date" ? { numFmt: DATE_FMT } : c.type === "instant" ? { numFmt: DATETIME_FMT } : {},
    }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
    const header = ws.addRow(cols.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    let n = 0;
    for (const r of s.rows) {
      ws.addRow(cols.map((c) => cellOf(c, c.value(r)))).commit();
      if (++n % 200 === 0 && out.writableNeedDrain) await new Promise<void>((res) => out.once("drain", () => res()));
      if (out.destroyed) return;
    }
    ws.commit();
  }
  await wb.commit();
}

/** The workbook as a web stream for a route handler's Response. */
export function xlsxStream(sheets: Sheet[], hooks: { onEnd?: () => void; creator?: string } = {}): ReadableStream<Uint8Array> {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    hooks.onEnd?.();
  };
  out.on("close", end);
  writeWorkbook(sheets, out, { creator: hooks.creator }).then(end, (e: unknown) => {
    end();
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
