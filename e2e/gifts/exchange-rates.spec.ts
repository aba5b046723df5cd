import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

// An administrator keeps the rates the gift-declaration flag converts with: one typed in, a
// file imported, a bad file refused naming its line; in English and in Korean at phone width.

test.use({ role: "admin" });

test.describe("[GIFTS] exchange rates", () => {
  test("an administrator enters a rate, imports a CSV, and a bad file changes nothing", async ({ page }) => {
    await page.goto("/admin");
    await page.getByRole("link", { name: /Exchange rates/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Exchange rates" })).toBeVisible();
    const enter = page.getByRole("form", { name: "Enter a rate" });
    await enter.getByLabel("Currency").fill("cny");
    await enter.getByLabel("Date").fill("2019-11-27");
    await enter.getByLabel("Rate (KRW per unit)").fill("166.5");
    await enter.getByRole("button", { name: "Save rate" }).click();
    await expect(enter.getByRole("status")).toContainText("Saved the CNY rate for 2019-11-27.");
    const table = page.getByRole("table", { name: "Rates entered" });
    await expect(table.getByRole("row", { name: /CNY/ })).toBeVisible();

    const upload = page.getByRole("form", { name: "Import rates from CSV" });
    await upload.getByLabel("CSV file").setInputFiles({ name: "rates.csv", mimeType: "text/csv", buffer: Buffer.from("currency,date,rate\nUSD,2019-11-01,1170\nJPY,2019-11-27,10.8\n") });
    await upload.getByRole("button", { name: "Import" }).click();
    await expect(upload.getByRole("status")).toContainText("Imported 2 rates.");
    await expect(table.getByRole("row")).toHaveCount(4);

    await upload.getByLabel("CSV file").setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("currency,date,rate\nEUR,2019-11-01,1290\nEUR,2019-02-30,1300\n") });
    await upload.getByRole("button", { name: "Import" }).click();
    await expect(upload.getByRole("alert")).toContainText("line 3");
    await expect(table.getByRole("row")).toHaveCount(4);
    await expectNoSeriousAxeViolations(page);

    await table.getByRole("button", { name: "Remove the JPY rate of 2019-11-27" }).click();
    await expect(table.getByRole("row", { name: /JPY/ })).toHaveCount(0);
    await expect(table.getByRole("row")).toHaveCount(3);
  });

  test("reads in Korean at 375 px, axe-clean", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/admin/exchange-rates");
    await expect(page.getByRole("heading", { level: 1, name: "환율" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "test-results/screens/gifts-exchange-rates-ko-375.png", fullPage: true });
  });
});
