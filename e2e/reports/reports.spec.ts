import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

async function download(page: Page, name: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
  const file = await dl.path();
  fs.mkdirSync("test-results/downloads", { recursive: true });
  fs.copyFileSync(file, `test-results/downloads/${name}`);
  expect(dl.suggestedFilename()).toMatch(new RegExp(`\\.${name.split(".").pop()!}$`));
  return fs.readFileSync(file);
}

test.describe("[REPORTS] a viewer exports", () => {
  test.use({ role: "viewer" });

  test("meetings as CSV, parsed back with a CSV parser", async ({ page }) => {
    await page.goto("/reports");
    await page.getByRole("radio", { name: /^Meetings/ }).check();
    await page.getByRole("checkbox", { name: "Chongqing Municipality" }).check();
    await page.getByRole("radio", { name: /^CSV/ }).check();
    const bytes = await download(page, "meetings.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<Record<string, string>>(bytes.toString("utf8"), { bom: true, columns: true });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0]!["Starts (ISO 8601, local time)"]).toBe("2019-11-27T15:00:00+08:00");
    expect(rows[0]!["Time zone"]).toBe("Asia/Shanghai");
    await expect(page.getByRole("status").filter({ hasText: "Downloaded" })).toBeVisible();
  });

  test("the gifts register as Excel in Korean, read back with exceljs", async ({ page }) => {
    await page.goto("/reports");
    await page.getByRole("radio", { name: /^Gifts register/ }).check();
    await page.getByRole("radio", { name: /^Excel/ }).check();
    await page.getByLabel("Language of the file").selectOption("ko");
    const bytes = await download(page, "gifts.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("선물 대장");
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("품목");
    const items = [];
    for (let r = 2; r <= ws.rowCount; r++) items.push(ws.getRow(r).getCell(header.indexOf("품목") + 1).value);
    expect(items).toContain('White porcelain "Moon Jar"');
    expect(ws.getRow(2).getCell(header.indexOf("회의 일시") + 1).value).toBeInstanceOf(Date);
  });

  test("the PDF briefing for Chongqing holds its Korean and Chinese names", async ({ page }) => {
    await page.goto("/reports");
    await page.getByRole("radio", { name: /^Partner briefing/ }).check();
    await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Chongqing Municipality" });
    await page.getByRole("radio", { name: /^PDF/ }).check();
    const bytes = await download(page, "briefing-chongqing.pdf");
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", ["test-results/downloads/briefing-chongqing.pdf", "-"]).toString("utf8");
    expect(text).toContain("충칭시");
    expect(text).toContain("重庆市");
    expect(text).toContain("Gifts exchanged");
    // Prepared by the viewer's name, in the browser's zone (its cookie), with the footer on page 1.
    const flat = text.replace(/\s+/g, " ");
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(flat).toMatch(new RegExp(`Prepared \\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d \\(UTC[+-]\\d\\d:\\d\\d, ${zone}\\) by Vera Viewer`));
    expect(flat).toMatch(/Confidential — prepared for .+, page 1 of \d+/);
    fs.mkdirSync("test-results/screens", { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "2", "test-results/downloads/briefing-chongqing.pdf", "test-results/screens/briefing-chongqing"]);
  });

  test("bad filters are a 400 naming the field; the audit extract is for administrators", async ({ page }) => {
    await page.goto("/reports");
    const bad = await page.request.get("/api/v1/exports/meetings?format=csv&status=open&from=2020-13-01", { failOnStatusCode: false });
    expect(bad.status()).toBe(400);
    const body = (await bad.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("bad_request");
    expect(Object.keys(body.error.fields)).toContain("from");
    const audit = await page.request.get("/api/v1/exports/audit?format=csv", { failOnStatusCode: false });
    expect(audit.status()).toBe(403);
    await expect(page.getByRole("radio", { name: /^Audit extract/ })).toHaveCount(0);
  });

  test("a calendar feed works until it is revoked", async ({ page }) => {
    await page.goto("/reports");
    await page.getByLabel("Name of the feed").fill("Chongqing visits");
    await page.getByLabel("Meetings and due dates of").selectOption({ label: "Chongqing Municipality" });
    await page.getByRole("button", { name: "Create feed address" }).click();
    const address = page.getByLabel("Feed address");
    await expect(address).toHaveValue(/\/api\/v1\/calendar\.ics\?token=bh_/);
    const url = await address.inputValue();
    const feed = await page.request.get(url);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const ics = await feed.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTART;TZID=Asia/Shanghai:20191127T150000");
    await page.screenshot({ path: "test-results/screens/reports-calendar-created.png", fullPage: true });

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Revoke: Chongqing visits" }).click();
    await expect(page.getByText("Revoked").first()).toBeVisible();
    const gone = await page.request.get(url, { failOnStatusCode: false });
    expect(gone.status()).toBe(401);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });

  test("the reports page passes axe in English, Korean and at 375 px", async ({ page, context, baseURL }) => {
    test.setTimeout(90_000);
    await page.goto("/reports");
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/reports-en.png", fullPage: true });
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.goto("/reports");
    await expect(page.getByRole("heading", { level: 1, name: "보고서" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/reports-ko.png", fullPage: true });
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/reports");
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/reports-375.png", fullPage: true });
  });

  test("viewers cannot import", async ({ page }) => {
    await page.goto("/reports");
    await expect(page.getByRole("link", { name: "Import from CSV" })).toHaveCount(0);
    await page.goto("/reports/import");
    await expect(page.getByRole("heading", { name: "Import from a spreadsheet" })).toHaveCount(0);
  });
});

test.describe("[IMPORT] an editor imports a spreadsheet", () => {
  const partners = Buffer.from(
    "\uFEFFslug,nameEn,nameKo,nameLocal,country,kind,level,status,since,timeZone\r\n" +
      "sichuan,Sichuan Province,쓰촨성,四川省,CN,province,exploring,exploring,2024-05,Asia/Shanghai\r\n" +
      "kanagawa,Kanagawa Prefecture,가나가와현,神奈川県,JP,prefecture,friendship,active,1990,Asia/Tokyo\r\n",
  );
  const badMeetings = Buffer.from(
    "partner,title,kind,status,date,time,timeZone\n" +
      "chongqing,Working group on big data,meeting,held,2020-01-15,10:00,Asia/Shanghai\n" +
      "chongqing,Delegation visit,visit,planned,2020-02-30,10:00,Asia/Seoul\n",
  );

  test("preview, commit, and a file with one bad row is refused", async ({ page }) => {
    await page.goto("/reports");
    await page.getByRole("link", { name: "Import from CSV" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import from a spreadsheet" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel("What the file holds").selectOption("meetings");
    await page.getByLabel("CSV or Excel file").setInputFiles({ name: "meetings.csv", mimeType: "text/csv", buffer: badMeetings });
    await page.getByRole("button", { name: "Check the file" }).click();
    const table = page.getByRole("table", { name: "Preview" });
    await expect(table.getByRole("row").filter({ hasText: "Delegation visit" })).toContainText("Date: Not a real date.");
    await expect(table.getByRole("row").filter({ hasText: "Delegation visit" }).getByRole("cell").first()).toHaveText("3");
    await expect(page.getByText("1 row has problems")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/import-bad-row.png", fullPage: true });

    await page.getByLabel("What the file holds").selectOption("partners");
    await page.getByLabel("CSV or Excel file").setInputFiles({ name: "partners.csv", mimeType: "text/csv", buffer: partners });
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByText("2 rows are ready to import.")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/import-preview.png", fullPage: true });
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(page.getByText("Imported: 2 added, 0 updated, 0 unchanged.")).toBeVisible();
    await page.goto("/partners");
    await expect(page.getByRole("link", { name: /Kanagawa Prefecture/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /Sichuan Province/ })).toBeVisible();
  });

  test("the import page passes axe in Korean at 375 px", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/reports/import");
    await expect(page.getByRole("heading", { level: 1, name: "스프레드시트에서 가져오기" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/import-ko-375.png", fullPage: true });
  });
});
