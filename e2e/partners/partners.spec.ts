import { expect, test } from "../fixtures/test";

test.describe("[PARTNERS] the seeded partnerships", () => {
  test("the partners list shows the five partners from Tianjin (2008) to Chongqing (2019)", async ({ page }) => {
    await page.goto("/partners");
    const table = page.getByRole("table", { name: "Partners" });
    const seeded = ["Tianjin Municipality", "Jiangsu Province", "Jilin Province", "Heilongjiang Province", "Chongqing Municipality"];
    await expect(table.getByRole("link", { name: /Chongqing Municipality/ })).toBeVisible();
    // Other specs may add partners to the shared database: the five seeded ones keep their order.
    const names = (await table.locator("td:first-child a > span:first-child").allTextContents()).filter((n) => seeded.includes(n));
    expect(names).toEqual(seeded);
    const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(name) }) });
    await expect(row("Tianjin Municipality")).toContainText("2008");
    await expect(row("Tianjin Municipality")).not.toContainText("1 Jan");
    await expect(row("Chongqing Municipality")).toContainText("27 Nov 2019");
    await page.screenshot({ path: "test-results/screens/partners-en.png", fullPage: true });
  });

  test("the Chongqing page shows three scripts, the meeting, its gifts and the follow-ups", async ({ page }) => {
    await page.goto("/partners");
    await page.getByRole("link", { name: /Chongqing Municipality/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Chongqing Municipality" })).toBeVisible();
    await expect(page.getByText("충칭시", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("重庆市", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Since 27 Nov 2019", { exact: true })).toBeVisible();
    const gifts = page.getByRole("region", { name: "Gifts exchanged" });
    await expect(gifts.getByRole("listitem")).toHaveCount(3);
    await expect(gifts).toContainText('White porcelain "Moon Jar"');
    const actions = page.getByRole("region", { name: "Follow-up actions" });
    await expect(actions.getByRole("listitem")).toHaveCount(4);
    await expect(actions).toContainText("Pangyo Techno Valley and SK Hynix");
    await page.screenshot({ path: "test-results/screens/partner-chongqing-en.png", fullPage: true });

    await page.getByRole("link", { name: "Governor Lee Jae-myung meets Mayor Tang Liangzhi: a new door for economic exchange and cooperation", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("a new door for economic exchange");
    await expect(page.getByText("27 Nov 2019, 15:00 (UTC+08:00, Asia/Shanghai)")).toBeVisible();
    await expect(page.getByText("About 30 participants")).toBeVisible();
    await expect(page.getByRole("region", { name: "Gifts" }).getByRole("listitem")).toHaveCount(3);
    await expect(page.getByRole("region", { name: "Who took part" })).toContainText("Tang Liangzhi");
    await page.screenshot({ path: "test-results/screens/meeting-chongqing-en.png", fullPage: true });
  });

  test("the language switch turns the app into Korean and the choice persists", async ({ page }) => {
    await page.goto("/partners");
    await page.getByRole("button", { name: "한국어" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "교류 지역" })).toBeVisible();
    await expect(page.getByRole("link", { name: /충칭시/ })).toBeVisible();
    await expect(page.getByText("2019년 11월 27일")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/partners-ko.png", fullPage: true });
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "교류 지역" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  });

  test("an unknown partner is a friendly not-found page", async ({ page }) => {
    const r = await page.goto("/partners/atlantis");
    expect(r?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});
