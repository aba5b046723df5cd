// The CSV and Excel exports opened in LibreOffice Calc (headless, Debian's libreoffice-calc-nogui)
// as a user would: Korean and Chinese intact, formula-like cells inert, filters, print areas and
// print titles kept, A4 one page wide. A missing tool fails the test with the package to install.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { partner } from "@/db/schema";
import { createMeeting } from "@/db/queries/meetings";
import { seedScale } from "@/db/seed";
import { parseExportParams, runExport, type ReportKind } from "@/server/export/reports";
import { EDITOR, seededDb, onPostgres } from "../helpers/db";
import { run } from "../helpers/tools";

const VIEWER = { userId: null, label: "viewer@test", role: "viewer" as const };
const INJECTION = '=HYPERLINK("http://x","y")';
const TITLE = "=1+1 충칭시 후속 회의 — 重庆市 follow-up";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-lo-"));
// Its own profile: several LibreOffice processes on one machine must not share one.
const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
// Headless LibreOffice shows no import dialog; these are what the dialog picks for our CSV
// (comma, double quote, UTF-8 from the BOM, from row 1) and leave its other options as they are,
// which in Calc 7.4 evaluates a cell that starts with "=".
const CSV_IN = "CSV:44,34,76,1";
const CSV_OUT = "csv:Text - txt - csv (StarCalc):44,34,76,1";

function soffice(args: string[]): void {
  run("soffice", ["--headless", profile, ...args], { timeout: 240_000 });
}

async function save(db: Db, report: ReportKind, query: string, name: string): Promise<string> {
  const out = await runExport(db, VIEWER, report, parseExportParams(report, new URLSearchParams(query)));
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await new Response(out.body).arrayBuffer()));
  return file;
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every cell's text, and the addresses of any cells that hold a formula. */
function cells(wb: ExcelJS.Workbook): { text: string[]; formulas: string[] } {
  const text: string[] = [];
  const formulas: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula || c.formula) formulas.push(`${ws.name}!${c.address}`);
        // Calc saves mixed-script text as rich text runs; .text joins them.
        text.push(c.text);
      }),
    ),
  );
  return { text, formulas };
}

let db: Db;
let chongqingId: number;
const csvs: string[] = [];
const xlsxs: string[] = [];

beforeAll(async () => {
  db = await seededDb();
  chongqingId = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!.id;
  await createMeeting(db, EDITOR, {
    partnerId: chongqingId,
    title: TITLE,
    kind: "video_call",
    status: "planned",
    date: "2020-03-10",
    time: "09:30",
    timeZone: "Asia/Shanghai",
    notes: INJECTION,
    gifts: [{ direction: "given", item: "+Tea set 茶具", estimatedValue: 120000, currency: "KRW" }],
    actions: [{ title: "@Send the minutes 회의록 송부", side: "ours", dueOn: "2020-03-20" }],
  });
  for (const lang of ["en", "ko"] as const)
    for (const report of ["meetings", "actions", "gifts"] as const) {
      csvs.push(await save(db, report, `format=csv&lang=${lang}`, `${report}-${lang}.csv`));
      xlsxs.push(await save(db, report, `format=xlsx&lang=${lang}`, `${report}-${lang}.xlsx`));
    }
  xlsxs.push(await save(db, "briefing", `format=xlsx&partner=${chongqingId}&lang=ko`, "briefing-ko.xlsx"));
}, 60_000);

describe("[REPORTS] exports in LibreOffice Calc", () => {
  it("opens every CSV export with Korean and Chinese intact and no formula run", async () => {
    const out = path.join(dir, "from-csv");
    soffice(["--infilter=" + CSV_IN, "--convert-to", "xlsx", "--outdir", out, ...csvs]);
    for (const csv of csvs) {
      const { text, formulas } = cells(await workbook(path.join(out, path.basename(csv, ".csv") + ".xlsx")));
      expect(formulas, csv).toEqual([]);
      if (csv.endsWith("-ko.csv")) expect(text.some((t) => t.includes("충칭시")), csv).toBe(true);
      if (csv.includes("meetings")) {
        expect(text).toContain(`'${TITLE}`);
        expect(text).toContain(`'${INJECTION}`);
      }
      if (csv.includes("gifts")) expect(text).toContain("'+Tea set 茶具");
      if (csv.includes("actions")) expect(text).toContain("'@Send the minutes 회의록 송부");
    }
    const ko = cells(await workbook(path.join(out, "meetings-ko.xlsx"))).text;
    expect(ko).toContain("제목");
  }, 300_000);

  it("keeps the XLSX exports' text, filters, print areas and print titles when it saves them again", async () => {
    const out = path.join(dir, "round-trip");
    soffice(["--convert-to", "xlsx", "--outdir", out, ...xlsxs]);
    for (const file of xlsxs) {
      const before = await workbook(file);
      const after = await workbook(path.join(out, path.basename(file)));
      const { text, formulas } = cells(after);
      expect(formulas, file).toEqual([]);
      expect(text.some((t) => t.includes("충칭시") || t.includes("Chongqing")), file).toBe(true);
      // Read the names from the file itself: exceljs merges same-named names of different sheets.
      const filterRanges = [...run("unzip", ["-p", path.join(out, path.basename(file)), "xl/workbook.xml"]).matchAll(/<definedName [^>]*name="_xlnm\._FilterDatabase"[^>]*>([^<]+)</g)].map(
        (m) => m[1]!.replace(/&apos;/g, "'").replace(/^'(.*)'!/, "$1!"),
      );
      expect(filterRanges, file).toHaveLength(before.worksheets.length);
      for (const ws of after.worksheets) {
        const orig = before.getWorksheet(ws.name)!;
        const last = `${String.fromCharCode(64 + orig.columnCount)}${orig.rowCount}`;
        expect(ws.autoFilter, `${file} ${ws.name}`).toBe(`A1:${last}`);
        expect(ws.pageSetup.printArea, `${file} ${ws.name}`).toBe(`A1:${last}`);
        expect(ws.pageSetup.printTitlesRow, `${file} ${ws.name}`).toBe("1:1");
        // LibreOffice writes fitToPage="true", which exceljs reads as false: the print test below checks the fit itself.
        expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
        expect(filterRanges).toContain(`${ws.name}!$A$1:$${last.replace(/(\d+)$/, "$$$1")}`);
      }
    }
    const meetings = cells(await workbook(path.join(out, "meetings-ko.xlsx"))).text;
    expect(meetings).toContain(TITLE);
    expect(meetings).toContain(INJECTION);
  }, 300_000);

  it("reads Korean and Chinese out of the XLSX exports as text", () => {
    const out = path.join(dir, "to-csv");
    const files = xlsxs.filter((f) => f.includes("meetings"));
    soffice(["--convert-to", CSV_OUT, "--outdir", out, ...files]);
    const ko = fs.readFileSync(path.join(out, "meetings-ko.csv"), "utf8");
    expect(ko).toContain("충칭시");
    expect(ko).toContain(TITLE);
    expect(fs.readFileSync(path.join(out, "meetings-en.csv"), "utf8")).toContain("Chongqing Municipality");
  }, 300_000);

  it.skipIf(onPostgres)("prints a long sheet on A4, one page wide, with the header row on every page", async () => {
    const big = await seededDb();
    await seedScale(big, 300, 5);
    const file = await save(big, "meetings", "format=xlsx&lang=ko", "meetings-big.xlsx");
    const out = path.join(dir, "print");
    soffice(["--convert-to", "pdf", "--outdir", out, file]);
    const pdf = path.join(out, "meetings-big.pdf");
    const info = run("pdfinfo", [pdf]);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const text = run("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"]);
      // The header row on every page, and the last column too (one page wide).
      expect(text, `page ${p}`).toContain("제목");
      expect(text, `page ${p}`).toContain("메모");
    }
  }, 300_000);
});
