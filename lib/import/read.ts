// Reads an uploaded file into a header and rows of text: CSV in any of the encodings of
// decode.ts with ",", ";" or tab between fields, or the first sheet of an Excel workbook.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { decodeBytes, hasGarbage, type Encoding, type EncodingChoice } from "./decode";

export type FileFormat = "csv" | "xlsx";

export type TableProblem =
  | { key: "unreadable"; values?: undefined }
  | { key: "badBytes"; values: { row: number; encoding: Encoding } }
  | { key: "unknownEncoding"; values?: undefined }
  | { key: "notXlsx"; values?: undefined };

export interface Table {
  format: FileFormat;
  encoding: Encoding | null;
  /** The encoding was a best guess among code pages that all read the bytes. */
  guessed: boolean;
  delimiter: string | null;
  header: string[];
  /** Data rows; `row` is the line in the file (the header is row 1). */
  rows: { row: number; cells: string[] }[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(bytes: Uint8Array): boolean {
  return ZIP.every((b, i) => bytes[i] === b);
}

/** The first row whose cells hold a character no real text has (header = 1), or 0. */
function garbageRow(rows: string[][]): number {
  const i = rows.findIndex((cells) => cells.some(hasGarbage));
  return i < 0 ? 0 : i + 1;
}

function parseCsv(text: string): { delimiter: string; rows: string[][]; quoteError: boolean } {
  const r = Papa.parse<string[]>(text, { delimiter: "", delimitersToGuess: [",", ";", "\t"], skipEmptyLines: "greedy" });
  return { delimiter: r.meta.delimiter, rows: r.data, quoteError: r.errors.some((e) => e.type === "Quotes") };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) {
    // Excel has no zones: exceljs gives the wall clock as UTC. A time alone sits on 1899-12-30.
    const iso = v.toISOString();
    if (iso.startsWith("1899-12-30")) return iso.slice(11, 19);
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result ?? null);
    if ("text" in v) return typeof v.text === "string" ? v.text : cellText(v.text);
    return "";
  }
  return typeof v === "number" || typeof v === "boolean" ? String(v) : v;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][] | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const values = r.values as ExcelJS.CellValue[];
    rows[n - 1] = values.slice(1).map(cellText);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Reads the file; `headers` are the column names the import knows (they help tell code pages apart). */
export async function readTable(
  bytes: Uint8Array,
  opts: { encoding?: EncodingChoice; headers?: Set<string>; prefer?: Encoding } = {},
): Promise<{ ok: true; table: Table } | { ok: false; problem: TableProblem }> {
  if (isXlsx(bytes)) {
    const rows = await readXlsx(bytes);
    if (!rows) return { ok: false, problem: { key: "notXlsx" } };
    const kept = rows.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ""));
    const [head, ...rest] = kept;
    const width = head?.cells.length ?? 0;
    // A workbook leaves empty trailing cells out; in a sheet a row cannot be "short".
    const padded = rest.map((r) => ({ row: r.row, cells: r.cells.length < width ? [...r.cells, ...Array<string>(width - r.cells.length).fill("")] : r.cells }));
    return { ok: true, table: { format: "xlsx", encoding: null, guessed: false, delimiter: null, header: head?.cells ?? [], rows: padded } };
  }
  const d = decodeBytes(bytes, { choice: opts.encoding, headers: opts.headers, prefer: opts.prefer });
  if (!d.ok && d.problem === "unknownEncoding") return { ok: false, problem: { key: "unknownEncoding" } };
  const parsed = parseCsv(d.ok ? d.text : d.text);
  if (!d.ok) return { ok: false, problem: { key: "badBytes", values: { row: garbageRow(parsed.rows) || d.line, encoding: d.encoding } } };
  if (parsed.quoteError) return { ok: false, problem: { key: "unreadable" } };
  // Rows are records (a quoted line break stays in its row); blank lines are skipped.
  const [head, ...rest] = parsed.rows;
  return {
    ok: true,
    table: {
      format: "csv",
      encoding: d.encoding,
      guessed: d.guessed,
      delimiter: parsed.delimiter,
      header: head ?? [],
      rows: rest.map((cells, i) => ({ row: i + 2, cells })),
    },
  };
}
