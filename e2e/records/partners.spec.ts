import { expect, test } from "../fixtures/test";

test.describe("[RECORDS] an editor manages partners", () => {
  test("create with field errors first, edit, archive, undo, show archived, restore", async ({ page }) => {
    await page.goto("/partners");
    await page.getByRole("link", { name: "New partner" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "New partner" })).toBeVisible();

    // Submitting bad input shows errors next to the fields and saves nothing.
    await page.getByLabel("Country").fill("12");
    await page.getByLabel("Since").fill("2024-13");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention" })).toBeVisible();
    await expect(page.getByText("A two-letter country code (ISO 3166-1), such as CN.")).toBeVisible();
    await expect(page.getByText("Not a real date.")).toBeVisible();
    await expect(page.getByLabel("English")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("English").fill("Osaka Prefecture");
    await page.getByLabel("Korean").fill("오사카부");
    await page.getByLabel("Local script").fill("大阪府");
    await page.getByLabel("Short name (for links)").fill("osaka");
    await page.getByLabel("Country").fill("jp");
    await page.getByLabel("Time zone").fill("Asia/Tokyo");
    await page.getByLabel("Kind").selectOption("prefecture");
    await page.getByLabel("Since").fill("2024-05");
    await page.getByLabel("Summary").fill("Exploring cooperation on robotics and hydrogen.");
    await page.screenshot({ path: "test-results/screens/records-partner-new.png", fullPage: true });
    // Keyboard: the form submits with Enter from a field.
    await page.getByLabel("Latitude").fill("34.69");
    await page.getByLabel("Latitude").press("Enter");

    await expect(page).toHaveURL(/\/partners\/osaka$/);
    await expect(page.getByRole("heading", { level: 1, name: "Osaka Prefecture" })).toBeVisible();
    await expect(page.getByText("Since May 2024", { exact: true })).toBeVisible();
    await expect(page.getByRole("status").getByRole("link", { name: "Open the partner" })).toBeVisible();

    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByLabel("Relationship").selectOption("friendship");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page).toHaveURL(/\/partners\/osaka$/);
    // The level badge; the History below shows the change as "Friendship" too, inserted.
    await expect(page.getByText("Friendship", { exact: true }).and(page.locator("span"))).toBeVisible();

    // Archive, then undo from the toast.
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByText("Osaka Prefecture archived.")).toBeVisible();
    await expect(page.getByText("Archived", { exact: true }).and(page.locator("span"))).toBeVisible();
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByText("Osaka Prefecture restored.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();
    await expect(page.getByText("Archived", { exact: true }).and(page.locator("span"))).toHaveCount(0);

    // Archive for real: hidden from the list, found with "Show archived" (kept in the URL).
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();
    await page.goto("/partners");
    await expect(page.getByRole("link", { name: /Osaka Prefecture/ })).toHaveCount(0);
    await expect(page.getByRole("search")).toHaveAttribute("data-ready", "true");
    await page.getByLabel("Show archived").check();
    await expect(page).toHaveURL(/archived=1/);
    await expect(page.getByRole("link", { name: /Osaka Prefecture/ })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Show archived")).toBeChecked();
    await page.getByRole("link", { name: /Osaka Prefecture/ }).click();
    await page.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();

    // Unreferenced: delete is offered. A milestone then makes it referenced.
    await expect(page.getByRole("button", { name: "Delete" })).toBeVisible();
    await page.getByRole("button", { name: "Add a milestone" }).click();
    const form = page.getByRole("form", { name: "Add a milestone" });
    await form.getByLabel("Kind").selectOption("mou");
    await form.getByLabel("Title").fill("MOU on robotics");
    await form.getByLabel("Date", { exact: true }).fill("2024-05-20");
    await form.getByLabel("Expires or due for renewal").fill("2027-05-19");
    await form.getByRole("button", { name: "Save" }).click();
    const milestones = page.getByRole("region", { name: "Milestones" });
    await expect(milestones).toContainText("MOU on robotics");
    await expect(milestones).toContainText("expires 19 May 2027");
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await page.screenshot({ path: "test-results/screens/records-partner-osaka.png", fullPage: true });
    // Leave the demo's partner list as other specs expect it.
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();
  });

  test("a referenced partner offers no delete, and the partner page links to a new meeting", async ({ page }) => {
    await page.goto("/partners/chongqing");
    await expect(page.getByRole("link", { name: "New meeting" })).toHaveAttribute("href", "/meetings/new?partner=chongqing");
    await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(page.getByText(/Last contact [\d,]+ days ago/)).toBeVisible();
  });

  test("leaving a form with unsaved changes asks first", async ({ page }) => {
    await page.goto("/partners/chongqing/edit");
    await page.getByLabel("Summary").fill("Changed but not saved");
    page.once("dialog", (d) => {
      expect(d.message()).toContain("unsaved changes");
      void d.dismiss();
    });
    await page.getByRole("link", { name: "Partners" }).first().click();
    await expect(page).toHaveURL(/\/partners\/chongqing\/edit$/);
  });
});

test.describe("[RECORDS] a viewer reads only", () => {
  test.use({ role: "viewer" });

  test("sees no write controls, and the forms are refused", async ({ page }) => {
    await page.goto("/partners");
    await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New partner" })).toHaveCount(0);
    await page.goto("/partners/chongqing");
    await expect(page.getByRole("heading", { level: 1, name: "Chongqing Municipality" })).toBeVisible();
    for (const name of ["Edit", "New meeting"]) await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
    for (const name of ["Archive", "Delete", "Add a milestone"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
    await page.goto("/people");
    await expect(page.getByRole("link", { name: "New person" })).toHaveCount(0);
    const r = await page.goto("/partners/new");
    expect(r?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  });
});
