import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

// The visit briefing book, downloaded from the visit page as a reader would, and read back with
// poppler's pdftotext and exceljs.
test.describe.configure({ timeout: 120_000 });

const VISIT = "Governor Lee Jae-myung's visit to Chongqing";
const OUT = path.join("test-results", "downloads");

/** Opens the demo Chongqing visit from the list, by keyboard. */
async function openChongqingVisit(page: Page) {
  await page.goto("/visits?direction=outgoing&status=completed");
  const link = page.getByRole("link", { name: VISIT });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: VISIT })).toBeVisible();
}

/** Presses Enter on a focused button and keeps the file it downloads. */
async function downloadByKeyboard(page: Page, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  await dl.saveAs(file);
  return file;
}

const pdfText = (file: string) => execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });

test.describe("[VISITS] the briefing book", () => {
  test("an editor downloads the Chongqing visit's book as PDF and Excel by keyboard, with 重庆 and 충칭 in it", async ({ page }) => {
    await openChongqingVisit(page);
    const book = page.getByRole("region", { name: "Briefing book" });
    await book.getByLabel("Language of the book").focus();
    await expect(book.getByLabel("Language of the book")).toHaveValue("en");
    await page.keyboard.press("Tab");
    await expect(book.getByRole("button", { name: "Download PDF" })).toBeFocused();
    const pdf = await downloadByKeyboard(page, "visit-book-en.pdf");
    expect(path.basename(pdf)).toBe("visit-book-en.pdf");
    const text = pdfText(pdf);
    expect(text).toContain("重庆");
    expect(text).toContain("충칭");
    expect(text).toContain("Visit briefing book");
    expect(text.replace(/\s+/g, " ")).toContain("16:00 – 17:00 (UTC+09:00, Asia/Seoul)");

    await page.keyboard.press("Tab");
    await expect(book.getByRole("button", { name: "Download Excel" })).toBeFocused();
    const xlsx = await downloadByKeyboard(page, "visit-book-en.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toContain("Counterparts");
    const cover = wb.getWorksheet("Cover")!.getSheetValues().flat().map(String);
    expect(cover).toContain("Chongqing Municipality / 충칭시 / 重庆市");
  });

  test("the book comes in Korean when the reader picks it, by keyboard", async ({ page }) => {
    await openChongqingVisit(page);
    const book = page.getByRole("region", { name: "Briefing book" });
    await book.getByLabel("Language of the book").focus();
    await page.keyboard.press("End");
    await expect(book.getByLabel("Language of the book")).toHaveValue("ko");
    await page.keyboard.press("Tab");
    const text = pdfText(await downloadByKeyboard(page, "visit-book-ko.pdf"));
    expect(text).toContain("방문 브리핑 북");
    expect(text).toContain("重庆");
    expect(text).toContain("충칭");
  });

  test("bad visit ids and formats answer 400 or 404, never 500", async ({ page }) => {
    expect((await page.request.get("/api/v1/visits/abc/briefing")).status()).toBe(400);
    expect((await page.request.get("/api/v1/visits/0/briefing")).status()).toBe(400);
    expect((await page.request.get("/api/v1/visits/999999/briefing")).status()).toBe(404);
    const bad = await page.request.get("/api/v1/visits/1/briefing?format=csv");
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("format");
  });

  for (const locale of ["en", "ko"] as const)
    test.describe(`at 375 px in ${locale}`, () => {
      test.use({ viewport: { width: 375, height: 812 } });
      test("the visit page with the book's downloads passes axe and fits", async ({ page, context, baseURL }) => {
        await context.addCookies([{ name: "bh_locale", value: locale, url: baseURL! }]);
        await openChongqingVisit(page);
        const region = page.getByRole("region", { name: locale === "en" ? "Briefing book" : "브리핑 북" });
        await expect(region.getByRole("button", { name: locale === "en" ? "Download PDF" : "PDF 내려받기" })).toBeVisible();
        await region.scrollIntoViewIfNeeded();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectNoSeriousAxeViolations(page);
        await region.screenshot({ path: `test-results/screens/visit-book-${locale}-375.png` });
      });
    });
});

test.describe("[VISITS] a viewer and the briefing book", () => {
  test.use({ role: "viewer" });
  test("a viewer downloads the book too", async ({ page }) => {
    await openChongqingVisit(page);
    await page.getByRole("button", { name: "Download PDF" }).focus();
    const text = pdfText(await downloadByKeyboard(page, "visit-book-viewer.pdf"));
    expect(text).toContain("重庆");
  });
});
