// Excel workbooks written with exceljs's streaming WorkbookWriter: rows are committed as they
// are read, so memory stays flat however many rows there are. Cells are typed (numbers as
// numbers, dates as dates), the header row is frozen and filterable, one sheet per record type.
// Each sheet prints on A4 landscape, fit to one page wide, with the header row repeated on every
// page; its filter, print area and print titles are defined names, which LibreOffice needs to keep
// the filter (`_xlnm._FilterDatabase`) and the print setup when it opens the file.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Writable } from "node:stream";
import type { Column, Sheet } from "./table";
import { rowRenderer } from "./xlsx-rows";

const DATE_FMT = "yyyy-mm-dd";
const DATETIME_FMT = "yyyy-mm-dd hh:mm";

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet";
}

/** "A", "Z", "AA", … for a 1-based column number. */
export function columnLetter(n: number): string {
  let out = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

// A4 is paper size 9 in SpreadsheetML. fitToHeight 0: as many pages tall as the rows need.
const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: "1:1",
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

/** Rows rendered per write into the sheet's stream. */
const BATCH = 500;
/** Bytes the zip may hold unread before the writer waits. */
const HELD = 256 * 1024;

/** exceljs's sheet stream (utils/stream-buf.js): it pipes into the zip and ignores backpressure. */
interface SheetStream {
  write: (chunk: string) => unknown;
  pipes: Writable[];
}

/** Bytes a writable holds; the zip's streams are readable-stream 2, which has no writableLength. */
const held = (w: Writable) => w.writableLength ?? (w as unknown as { _writableState: { length: number } })._writableState.length;

/** Waits until the zip entry has taken the sheet's bytes and the reader has taken the zip's. */
async function drained(sheet: SheetStream, out: PassThrough): Promise<void> {
  const pending = (w: Writable) => held(w) > HELD;
  for (;;) {
    const full = [...sheet.pipes, out].find(pending);
    if (!full) return;
    await new Promise<void>((res) => {
      const go = () => {
        full.off("drain", go);
        full.off("close", go);
        res();
      };
      full.on("drain", go);
      full.on("close", go);
    });
    if (out.destroyed) return;
  }
}

interface DefinedName {
  name: string;
  ranges: string[];
  localSheetId: number;
}

/** Writes the sheets into a Node stream, waiting for the reader whenever its buffer is full. */
export async function writeWorkbook(sheets: Sheet[], out: PassThrough, opts: { creator?: string } = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = opts.creator ?? "Bridgehead";
  wb.created = new Date();
  const filterNames: DefinedName[] = [];
  for (const [index, s] of sheets.entries()) {
    const cols = s.columns as unknown as Column<unknown>[];
    const name = sheetName(s.name);
    const ws = wb.addWorksheet(name, {
      views: [{ state: "frozen", ySplit: 1 }],
      pageSetup: PAGE_SETUP,
      headerFooter: { oddFooter: "&L&A&R&P / &N" },
    });
    ws.columns = cols.map((c, i) => ({
      key: String(i),
      width: c.width ?? 16,
      style: c.type === "date" ? { numFmt: DATE_FMT } : c.type === "instant" ? { numFmt: DATETIME_FMT } : {},
    }));
    const header = ws.addRow(cols.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    // Data rows bypass exceljs's row objects (see xlsx-rows.ts); the styles are the columns' own.
    const styles = (wb as unknown as { styles: { addStyleModel: (s: object) => number } }).styles;
    const styleIds = ws.columns.map((c) => styles.addStyleModel(c.style ?? {}));
    const render = rowRenderer(cols, styleIds, cols.map((_, i) => columnLetter(i + 1)));
    const sheet = (ws as unknown as { stream: SheetStream }).stream;
    let n = 0;
    let chunk = "";
    const flush = async () => {
      sheet.write(chunk);
      chunk = "";
      // exceljs hands the sheet to the zip without waiting; wait here for the zip and the reader.
      await drained(sheet, out);
    };
    // A SQLite cursor is read synchronously; a PostgreSQL one (async) in fetched batches.
    const rows = s.rows;
    if (Symbol.asyncIterator in rows) {
      for await (const r of rows) {
        chunk += render(r, ++n + 1);
        if (n % BATCH === 0) await flush();
        if (out.destroyed) return;
      }
    } else {
      for (const r of rows) {
        chunk += render(r, ++n + 1);
        if (n % BATCH === 0) await flush();
        if (out.destroyed) return;
      }
    }
    if (chunk) sheet.write(chunk);
    // The filter and print area cover every row written, known only now; both are written with
    // the sheet's end, so setting them here is still in time.
    const ref = `A1:${columnLetter(cols.length)}${n + 1}`;
    ws.autoFilter = ref;
    // exceljs prefixes only the columns with "$"; the rows carry their own.
    ws.pageSetup.printArea = `A$1:${columnLetter(cols.length)}$${n + 1}`;
    filterNames.push({ name: "_xlnm._FilterDatabase", ranges: [`'${name.replace(/'/g, "''")}'!${ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`], localSheetId: index });
    ws.commit();
  }
  // exceljs writes print areas and titles as defined names itself, but not the filter's name, and
  // its own list has no per-sheet scope: the workbook reads this list when it is committed.
  Object.defineProperty(wb, "_definedNames", { value: { model: filterNames } });
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
