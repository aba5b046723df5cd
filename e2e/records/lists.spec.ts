import { expect, test } from "../fixtures/test";

test.describe("[RECORDS] lists keep search, filters and page in the URL", () => {
  test("people: search in Chinese, filter by side, reload keeps it; the person page shows the title held", async ({ page }) => {
    await page.goto("/people");
    const table = page.getByRole("table", { name: "People" });
    await expect(page.getByRole("search")).toHaveAttribute("data-ready", "true");
    await page.getByLabel("Search names, titles and organisations").fill("唐良智");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=%E5%94%90/);
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("Tang Liangzhi");
    await page.reload();
    await expect(page.getByLabel("Search names, titles and organisations")).toHaveValue("唐良智");
    await expect(page.getByRole("table", { name: "People" }).getByRole("row")).toHaveCount(2);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByLabel("Side").selectOption("home");
    await expect(page).toHaveURL(/side=home/);
    await expect(table).toContainText("Lee Jae-myung");
    await expect(table).not.toContainText("Tang Liangzhi");
    await page.goBack();
    await expect(page).not.toHaveURL(/side=home/);

    await page.goto("/people?q=Tang");
    await page.getByRole("link", { name: "Tang Liangzhi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tang Liangzhi" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Meetings" })).toContainText("then Mayor of Chongqing");
    await page.screenshot({ path: "test-results/screens/records-person-en.png", fullPage: true });
  });

  test("actions: filter by side, search 'Pangyo', reload keeps it, an empty search says so", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Actions" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Follow-up actions" })).toBeVisible();
    const table = page.getByRole("table", { name: "Follow-up actions" });
    // Other specs add actions to the shared database: assert on the seeded ones, not on counts.
    await expect(table).toContainText("Start cooperation on big data information and data sharing");
    await page.getByLabel("Owed by").selectOption("theirs");
    await expect(page).toHaveURL(/side=theirs/);
    await expect(table).not.toContainText("Start cooperation on big data information and data sharing");
    await expect(table).toContainText("Organise a task force");
    await page.getByLabel("Search titles and descriptions").fill("Pangyo");
    await page.getByLabel("Search titles and descriptions").press("Enter");
    await expect(table).not.toContainText("Organise a task force");
    await expect(table).toContainText("Pangyo Techno Valley and SK Hynix");
    await page.reload();
    await expect(page.getByLabel("Owed by")).toHaveValue("theirs");
    await expect(page.getByRole("table", { name: "Follow-up actions" })).toContainText("Pangyo Techno Valley and SK Hynix");
    await page.goto("/actions?q=nothingmatchesthiswhatsoever");
    await expect(page.getByText("No follow-up actions match these filters.")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/records-actions-en.png", fullPage: true });
  });

  test("partners: search by the Korean name, sort by name", async ({ page }) => {
    await page.goto("/partners");
    await expect(page.getByRole("search")).toHaveAttribute("data-ready", "true");
    await page.getByLabel("Search names and summaries").fill("충칭");
    await page.getByRole("button", { name: "Search" }).click();
    const table = page.getByRole("table", { name: "Partners" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("Chongqing Municipality");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByLabel("Sort by").selectOption("name");
    await expect(page).toHaveURL(/sort=name/);
    await expect(table.getByRole("row").nth(1)).toContainText("Chongqing Municipality");
  });
});

// Filters are GET forms: what is chosen before the page hydrates (a slow phone) or without
// JavaScript is submitted as the query string and rendered by the server, not lost.
test.describe("[RECORDS] list filters without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("people and meetings filter through the query string", async ({ page }) => {
    await page.goto("/people");
    await page.getByLabel("Search names, titles and organisations").fill("Tang");
    await page.getByLabel("Side").selectOption("partner");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=Tang/);
    await expect(page).toHaveURL(/side=partner/);
    const people = page.getByRole("table", { name: "People" });
    await expect(people).toContainText("Tang Liangzhi");
    await expect(people).not.toContainText("Lee Jae-myung");
    await expect(page.getByLabel("Side")).toHaveValue("partner");

    const partner = page.getByLabel("Partner", { exact: true });
    const searchMeetings = async (partnerName: RegExp) => {
      await page.goto("/meetings");
      const value = await partner.locator("option").filter({ hasText: partnerName }).first().getAttribute("value");
      await partner.selectOption(value);
      await page.getByRole("searchbox", { name: "Search" }).fill("Tang");
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(new RegExp(`partner=${value}`));
      await expect(page).toHaveURL(/q=Tang/);
      await expect(partner).toHaveValue(value!);
      await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue("Tang");
    };
    const seeded = page.getByRole("link", { name: "Governor Lee Jae-myung meets Mayor Tang Liangzhi: a new door for economic exchange and cooperation" });
    await searchMeetings(/Chongqing/);
    await expect(seeded).toBeVisible();
    await searchMeetings(/Tianjin/);
    await expect(seeded).toHaveCount(0);
    await expect(page.getByText("No meeting matches this search")).toBeVisible();
  });
});

test.describe("[RECORDS] lists on a phone", () => {
  test("at 375 px each row is a card that names its values; the column headers stay for screen readers", async ({ page }) => {
    const sinceLabel = () =>
      page
        .getByRole("table", { name: "Partners" })
        .locator("tbody tr")
        .first()
        .locator("td")
        .nth(1)
        .evaluate((td) => getComputedStyle(td, "::before").content);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/partners");
    const table = page.getByRole("table", { name: "Partners" });
    await expect(table.getByRole("columnheader", { name: "Since" })).toHaveCount(1);
    expect(await sinceLabel()).toBe('"Since"');
    const box = await table.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(375);
    // On a wide screen it is an ordinary table again.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await sinceLabel()).toBe("none");
    await expect(table.getByRole("columnheader", { name: "Since" })).toBeVisible();
  });

  test("at 375 px the filters fold under a button that counts the active ones", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto("/actions");
    await expect(page.getByRole("search")).toHaveAttribute("data-ready", "true");
    const toggle = page.getByRole("button", { name: "Filters", exact: true });
    await expect(page.getByLabel("Owed by")).toBeHidden();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await page.getByLabel("Owed by").selectOption("theirs");
    await expect(page).toHaveURL(/side=theirs/);
    await expect(page.getByRole("button", { name: "Filters (1 active)" })).toHaveAttribute("aria-expanded", "true");

    await page.goto("/meetings?status=held");
    await expect(page.getByLabel("Status", { exact: true })).toBeHidden();
    await page.getByRole("button", { name: "Filters (1 active)" }).click();
    await expect(page.getByLabel("Status", { exact: true })).toHaveValue("held");
    // The search box and its button stay in view either way.
    await expect(page.getByRole("searchbox", { name: "Search" })).toBeVisible();
  });
});
