import { expect, test } from "../fixtures/test";

test.describe("[SMALL] the first Tab, tab titles and the shell", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("on /login the first Tab goes to Email", async ({ page }) => {
    await page.goto("/login");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Email")).toBeFocused();
  });
});

test.describe("[SMALL] page titles in the reader's language", () => {
  test("the browser tab names the page in Korean on Korean pages", async ({ page, context, baseURL }) => {
    await page.goto("/board");
    await expect(page).toHaveTitle("Status board · Bridgehead");
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    for (const [path, title] of [["/board", "현황판"], ["/", "대시보드"], ["/meetings", "회의"]] as const) {
      await page.goto(path);
      await expect(page).toHaveTitle(new RegExp(`^${title}`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    }
  });
});
