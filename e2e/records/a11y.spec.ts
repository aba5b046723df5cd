import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

// Every page this area adds, in English and Korean and at phone width.
const PAGES = [
  ["partners", "/partners"],
  ["partner-new", "/partners/new"],
  ["partner-edit", "/partners/chongqing/edit"],
  ["partner-page", "/partners/chongqing"],
  ["people", "/people"],
  ["person-new", "/people/new?partner=chongqing"],
  ["person-page", "/people/3"],
  ["person-edit", "/people/3/edit"],
  ["actions", "/actions"],
  ["api-docs", "/api-docs"],
] as const;

for (const [name, url] of PAGES)
  test.describe(`[RECORDS] ${name} is accessible`, () => {
    // The API reference lists every route and schema: axe needs longer on it.
    if (name === "api-docs") test.slow();
    test("in English", async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      // The API reference is very long; its first screen is enough to look at.
      await page.screenshot({ path: `test-results/screens/records-${name}-en.png`, fullPage: name !== "api-docs" });
    });

    test("in Korean at 375 px", async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screens/records-${name}-ko-375.png`, fullPage: name !== "api-docs" });
    });
  });

test("[RECORDS] a person form can be completed by keyboard alone", async ({ page }) => {
  await page.goto("/people/new");
  await page.getByLabel("Name (English)").focus();
  await page.keyboard.type("Choi Yuna");
  await page.keyboard.press("Tab");
  await page.keyboard.type("최유나");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.type("국제협력과장");
  await page.getByRole("button", { name: "Save" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Choi Yuna" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Choi Yuna saved." })).toBeVisible();
  // No history yet: delete is offered, and it works.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/people$/);
});
