import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

const PAGES = ["/", "/partners", "/partners/chongqing", "/meetings", "/meetings/1", "/people", "/timeline", "/board", "/reports"];

for (const locale of ["en", "ko"] as const)
  test.describe(`[A11Y] pages in ${locale}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "bh_locale", value: locale, url: baseURL! }]);
    });
    for (const p of PAGES)
      test(`${p} passes axe and has one h1`, async ({ page }) => {
        await page.goto(p);
        await expect(page.locator("h1")).toHaveCount(1);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoSeriousAxeViolations(page);
      });
  });

test.describe("[A11Y] narrow screens (375 px)", () => {
  test.use({ viewport: { width: 375, height: 812 } });
  for (const p of ["/", "/partners", "/partners/chongqing", "/meetings/1"])
    test(`${p} fits without sideways scrolling and passes axe`, async ({ page }) => {
      await page.goto(p);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `test-results/screens/mobile${p === "/" ? "-home" : p.replaceAll("/", "-")}.png`, fullPage: true });
    });

  test.describe("in Korean", () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    });
    for (const p of ["/", "/partners/chongqing", "/meetings/1", "/timeline", "/board", "/reports"])
      test(`${p} keeps Korean words whole and fits without sideways scrolling`, async ({ page }) => {
        await page.goto(p);
        await expect(page.locator("h1")).toHaveCount(1);
        expect(await page.evaluate(() => getComputedStyle(document.body).wordBreak)).toBe("keep-all");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({ path: `test-results/screens/mobile-ko${p === "/" ? "-home" : p.replaceAll("/", "-")}.png`, fullPage: true });
      });
  });

  test("the menu opens and navigates by keyboard", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "Menu" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("link", { name: "Partners" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  });
});
