import { request as pwRequest } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";
import { storageState, USERS } from "../fixtures/users";

/** The administrator assigns a follow-up to a user, over the API (as another person would). */
async function assignAsAdmin(baseURL: string, ownerUserId: string, title: string) {
  const admin = await pwRequest.newContext({ baseURL, storageState: storageState("admin") });
  try {
    const partners = (await (await admin.get("/api/v1/partners?q=chongqing")).json()) as { data: { id: number; slug: string }[] };
    const partnerId = partners.data.find((p) => p.slug === "chongqing")!.id;
    const res = await admin.post("/api/v1/actions", { headers: { origin: baseURL }, data: { title, side: "ours", partnerId, ownerUserId } });
    expect(res.status()).toBe(201);
  } finally {
    await admin.dispose();
  }
}

test("[NOTIFY] an editor is assigned a follow-up, sees the bell rise, reads it and picks a daily digest, by keyboard", async ({ page, baseURL }) => {
  // The bell polls; the count can take one polling interval to rise.
  test.slow();
  await page.goto("/");
  const me = (await (await page.request.get("/api/v1/me")).json()) as { data: { userId: string } };
  const bell = page.getByRole("button", { name: /^Notifications, / });
  await expect(bell).toHaveAccessibleName("Notifications, none unread");

  await assignAsAdmin(baseURL!, me.data.userId, "Send the big-data cooperation proposal");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 30_000 });

  await bell.focus();
  await page.keyboard.press("Enter");
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  const panel = page.getByRole("region", { name: "Notifications" });
  const link = panel.getByRole("link", { name: `Send the big-data cooperation proposal was assigned to you by ${USERS.admin.email}.` });
  await expect(link).toHaveAttribute("href", "/partners/chongqing#actions");
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/notifications-panel-en.png" });
  // Tab from the bell reaches the panel: mark all read, then the notice's link, then its button.
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: "Mark all read" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(panel.getByRole("button", { name: /^Mark read: / })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await expect(panel.getByRole("button", { name: /^Mark read: / })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(bell).toHaveAttribute("aria-expanded", "false");
  await expect(bell).toBeFocused();

  await page.goto("/account/notifications");
  await expect(page.getByRole("heading", { level: 1, name: "Mail notifications" })).toBeVisible();
  const immediate = page.getByRole("radio", { name: "At once" });
  await expect(immediate).toBeChecked();
  await immediate.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "As a daily digest" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save mail preference" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Your mail preference is saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: "As a daily digest" })).toBeChecked();
});

test("[NOTIFY] the notifications API refuses bad input with 4xx and only touches the caller's own notices", async ({ page, baseURL }) => {
  await page.goto("/");
  const bad = await page.request.post("/api/v1/notifications/read", { headers: { origin: baseURL! }, data: { ids: ["x"] } });
  expect(bad.status()).toBe(422);
  const empty = await page.request.post("/api/v1/notifications/read", { headers: { origin: baseURL! }, data: { ids: [999999] } });
  expect(((await empty.json()) as { data: { marked: number } }).data.marked).toBe(0);
  expect((await page.request.get("/api/v1/notifications?limit=0")).status()).toBe(422);
  const list = (await (await page.request.get("/api/v1/notifications?limit=5")).json()) as { data: unknown[]; unread: number };
  expect(Array.isArray(list.data)).toBe(true);
});

const PAGES = [
  ["notifications", "/notifications", "editor"],
  ["mail-preference", "/account/notifications", "editor"],
  ["admin-mail", "/admin/mail", "admin"],
  ["unsubscribe-invalid", "/unsubscribe/not-a-token", "editor"],
] as const;

for (const [name, url, role] of PAGES)
  test.describe(`[NOTIFY] ${name} is accessible`, () => {
    test.use({ role });
    test("in English", async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `test-results/screens/notify-${name}-en.png`, fullPage: true });
    });
    test("in Korean at 375 px", async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
      await page.setViewportSize({ width: 375, height: 800 });
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (name !== "unsubscribe-invalid") {
        await page.getByRole("button", { name: /^알림, / }).click();
        await expect(page.getByRole("region", { name: "알림" })).toBeVisible();
      }
      await expectNoSeriousAxeViolations(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/screens/notify-${name}-ko-375.png`, fullPage: true });
    });
  });

test.describe("[NOTIFY] the thresholds form", () => {
  test.use({ role: "admin" });
  test("refuses an out-of-range number next to its field, saves a good one, and keeps it", async ({ page }) => {
    await page.goto("/admin/mail");
    const dueSoon = page.getByLabel("Days before a follow-up's due date for the first reminder");
    const before = await dueSoon.inputValue();
    const save = page.getByRole("button", { name: "Save thresholds" });

    await dueSoon.fill("0");
    await save.click();
    await expect(page.getByRole("alert").filter({ hasText: "The thresholds were not saved" })).toBeVisible();
    await expect(dueSoon).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter 1 or more.")).toBeVisible();
    await expect(dueSoon).toBeFocused();
    await page.reload();
    await expect(dueSoon).toHaveValue(before);

    const next = before === "9" ? "8" : "9";
    await dueSoon.fill(next);
    await save.click();
    await expect(page.getByText("The thresholds are saved.")).toBeVisible();
    await page.reload();
    await expect(dueSoon).toHaveValue(next);

    // Put the setting back for the specs that follow.
    await dueSoon.fill(before);
    await save.click();
    await expect(page.getByText("The thresholds are saved.")).toBeVisible();
  });
});
