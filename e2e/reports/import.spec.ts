import fs from "node:fs";
import iconv from "iconv-lite";
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

// A people file as Korean Excel saves "CSV (쉼표로 분리)": CP949, Korean headers and labels, no BOM.
const KOREAN_TEXT = ["영문 명칭,현지 명칭,직위,소속 기관,소속,상대 지역", "Han Ji-su,한지수,주무관,국제협력과,우리 측,", "Lu Xiao,陸曉,科長,外事處,상대 측,충칭시"].join("\r\n");
const KOREAN_PEOPLE = iconv.encode(KOREAN_TEXT, "cp949");

async function choose(page: Page, kind: string, name: string, buffer: Buffer) {
  await page.getByLabel("What the file holds").selectOption(kind);
  await page.getByLabel("CSV or Excel file").setInputFiles({ name, mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "Check the file" }).click();
}

async function people(page: Page, q: string) {
  const res = await page.request.get(`/api/v1/people?q=${encodeURIComponent(q)}`);
  return ((await res.json()) as { data: { nameEn: string; nameLocal: string | null; organisation: string | null }[] }).data;
}

test.describe("[IMPORT] files from real spreadsheets", () => {
  test("a CP949 file from Korean Excel is detected, previewed and stored with its Korean intact", async ({ page }) => {
    // CP949 holds Hangul and the traditional Hanja; a simplified character would not survive encoding.
    expect(iconv.decode(KOREAN_PEOPLE, "cp949")).toBe(KOREAN_TEXT);
    await page.goto("/reports/import");
    await choose(page, "people", "인물.csv", KOREAN_PEOPLE);
    await expect(page.getByText("Read as: Korean (EUC-KR / CP949).")).toBeVisible();
    const table = page.getByRole("table", { name: "Preview" });
    await expect(table.getByRole("row").filter({ hasText: "Han Ji-su" })).toContainText("한지수");
    await expect(table.getByRole("row").filter({ hasText: "Lu Xiao" })).toContainText("陸曉");
    await expect(page.getByText("2 rows are ready to import.")).toBeVisible();
    await page.getByRole("button", { name: "Import 2 rows" }).click();
    await expect(page.getByText("Imported: 2 added, 0 updated, 0 unchanged.")).toBeVisible();
    expect(await people(page, "Han Ji-su")).toEqual([expect.objectContaining({ nameLocal: "한지수", organisation: "국제협력과" })]);
    expect(await people(page, "Lu Xiao")).toEqual([expect.objectContaining({ nameLocal: "陸曉", organisation: "外事處" })]);
  });

  test("the same file read as UTF-8 on request is refused, naming the row, and nothing is stored", async ({ page }) => {
    await page.goto("/reports/import");
    await page.getByLabel("Text encoding").selectOption("utf-8");
    await choose(page, "people", "people.csv", iconv.encode("nameEn,nameLocal,side\r\nOh Da-eun,오다은,home\r\n", "cp949"));
    await expect(page.getByRole("alert").filter({ hasText: "Row 2 holds bytes that are not text in UTF-8" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Preview" })).toHaveCount(0);
    expect(await people(page, "Oh Da-eun")).toEqual([]);
  });

  test("templates download in English and Korean with the export's column names", async ({ page }) => {
    await page.goto("/reports/import");
    await page.getByLabel("What the file holds").selectOption("meetings");
    for (const [link, header] of [
      ["English", "Partner,Title,Kind,Status"],
      ["한국어", "상대 지역,제목,유형,상태"],
    ] as const) {
      const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link, exact: true }).click()]);
      const text = fs.readFileSync((await dl.path()), "utf8");
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(text).toContain(header);
      expect(text).not.toContain("timeZone");
    }
  });

  test("an export re-imports through the page as no change, and a failed commit clears the preview", async ({ page, context }) => {
    await page.goto("/reports");
    await page.getByRole("radio", { name: /^Partners/ }).check();
    await page.getByRole("radio", { name: /^CSV/ }).check();
    const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
    const exported = fs.readFileSync((await dl.path()));
    await page.goto("/reports/import");
    await choose(page, "partners", "partners.csv", exported);
    const table = page.getByRole("table", { name: "Preview" });
    await expect(table.getByRole("row").filter({ hasText: "Chongqing" })).toContainText("No change");
    await expect(table.getByRole("cell", { name: "Add" })).toHaveCount(0);

    // A new partner, checked here, then added in another tab first: this commit must fail and say why.
    const file = Buffer.from("Short name,Name (English),Name (Korean),Country,Kind,Relationship,Status\r\nzz-test-region,Test Region,시험 지역,CN,Province,Exploring,Exploring\r\n");
    await choose(page, "partners", "new.csv", file);
    await expect(page.getByText("1 row is ready to import.")).toBeVisible();
    const other = await context.newPage();
    await other.goto("/reports/import");
    await choose(other, "partners", "new.csv", file);
    await other.getByRole("button", { name: "Import 1 row" }).click();
    await expect(other.getByText("Imported: 1 added")).toBeVisible();
    await other.close();
    await page.getByRole("button", { name: "Import 1 row" }).click();
    const refused = page.getByRole("alert").filter({ hasText: "Nothing was imported." });
    await expect(refused).toContainText("Row 2, Short name: Already used by another partner.");
    await expect(page.getByRole("table", { name: "Preview" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Import \d/ })).toHaveCount(0);
  });

  test("the preview of a Korean file reads in Korean, passes axe and fits 375 px", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto("/reports/import");
    await page.getByLabel("파일 내용").selectOption("meetings");
    await page
      .getByLabel("CSV 또는 엑셀 파일")
      .setInputFiles({ name: "회의.csv", mimeType: "text/csv", buffer: iconv.encode("상대 지역,제목,유형,상태,날짜,시각,시간대\r\n충칭시,시험 회의,회의,개최,2020-01-15,오후 2:30:00,Asia/Shanghai\r\n충칭시,짧은 행,회의\r\n", "cp949") });
    await page.getByRole("button", { name: "파일 확인" }).click();
    await expect(page.getByText("읽은 인코딩: 한국어 (EUC-KR / CP949).")).toBeVisible();
    const short = page.getByRole("table", { name: "미리 보기" }).getByRole("row").filter({ hasText: "짧은 행" });
    await expect(short).toContainText("이 행의 칸은 3개인데 머리글은 7개입니다.");
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/import-cp949-ko-375.png", fullPage: true });
  });
});
