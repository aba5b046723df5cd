// The workbook writer renders data rows itself (server/export/xlsx-rows.ts) instead of through
// exceljs's Row objects. These tests hold it to exceljs's own output, byte for byte, and check that
// rows are pulled only as fast as the reader takes the file.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isZonedInstant, type CellValue, type Column } from "@/server/export/table";
import { toIsoWithOffset } from "@/lib/format";
import { writeWorkbook, xlsxStream } from "@/server/export/xlsx";
import { run } from "../helpers/tools";

interface R {
  id: number | null;
  text: string | null;
  day: string | null;
  at: { at: Date; zone: string } | null;
}

const columns: Column<R>[] = [
  { header: "ID", type: "number", width: 8, value: (r) => r.id },
  { header: "Text <&>", type: "text", width: 30, value: (r) => r.text },
  { header: "Day", type: "date", width: 12, value: (r) => r.day },
  { header: "At", type: "instant", width: 18, value: (r) => r.at },
];

const rows: R[] = [
  { id: 1, text: '중경 "重庆" & <Chongqing> it\'s', day: "2019-11-27", at: { at: new Date("2019-11-27T07:00:00Z"), zone: "Asia/Shanghai" } },
  { id: 2.5, text: "=HYPERLINK(\"x\")\ttab\nline\rcr\u0001\u0008\u000b\u000c\u001f\u007fend", day: "not a date", at: null },
  { id: null, text: "", day: null, at: { at: new Date("2024-03-10T06:59:59.999Z"), zone: "America/New_York" } },
  { id: -3, text: "🙂 emoji and \ud83d lone surrogate", day: "2024-02-29", at: { at: new Date("2024-03-10T07:00:00Z"), zone: "America/New_York" } },
  { id: 0, text: null, day: "", at: { at: new Date("2021-10-31T00:30:00Z"), zone: "Europe/London" } },
];

/** What the writer produced before: every row through exceljs's addRow and commit. */
async function exceljsReference(file: string) {
  const stream = fs.createWriteStream(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet("Sheet", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width,
    style: c.type === "date" ? { numFmt: "yyyy-mm-dd" } : c.type === "instant" ? { numFmt: "yyyy-mm-dd hh:mm" } : {},
  }));
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const cellOf = (col: Column<R>, v: CellValue): ExcelJS.CellValue => {
    if (v === null || v === undefined || v === "") return null;
    if (isZonedInstant(v)) return new Date(`${toIsoWithOffset(v.at, v.zone).slice(0, 19)}Z`);
    if (col.type === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
    if (col.type === "number" && typeof v === "number") return v;
    return String(v);
  };
  for (const r of rows) ws.addRow(columns.map((c) => cellOf(c, c.value(r)))).commit();
  ws.commit();
  await wb.commit();
}

const sheetData = (file: string) => /<sheetData>.*<\/sheetData>/s.exec(run("unzip", ["-p", file, "xl/worksheets/sheet1.xml"]))?.[0];

describe("[REPORTS] XLSX rows", () => {
  it("writes the same sheet XML as exceljs's own rows: escaping, dropped control characters, types and styles", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-xlsx-rows-"));
    const ref = path.join(dir, "ref.xlsx");
    await exceljsReference(ref);
    const out = new PassThrough();
    const ours = path.join(dir, "ours.xlsx");
    const done = new Promise<void>((res) => out.pipe(fs.createWriteStream(ours)).on("finish", () => res()));
    await writeWorkbook([{ name: "Sheet", columns, rows }], out);
    out.end();
    await done;
    const expected = sheetData(ref);
    expect(expected).toContain("&quot;重庆&quot; &amp; &lt;Chongqing&gt; it&apos;s");
    expect(sheetData(ours)).toBe(expected);
  });

  it("pulls rows from the cursor only as the reader reads (memory stays flat)", async () => {
    let produced = 0;
    function* many() {
      for (let i = 0; i < 300_000; i++) {
        produced++;
        yield { id: i, text: `row ${i} with some words to fill the sheet`, day: "2020-01-01", at: null };
      }
    }
    const body = xlsxStream([{ name: "Sheet", columns: columns, rows: many() }]);
    const reader = body.getReader();
    await reader.read();
    // Let the writer run as far as it would without a reader.
    for (let i = 0; i < 50; i++) await new Promise((res) => setImmediate(res));
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(100_000);
    await reader.cancel();
  });
});
