import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";
import { SIGNED_OUT, invite, signInThroughForm } from "./helpers";

test.use({ role: "admin" });

test.describe("[ACCOUNTS] admin manages users", () => {
  test("admin invites a user, who must change the temporary password at first sign-in", async ({ page, browser, baseURL }) => {
    await invite(page, { name: "Han Jiwoo", email: "jiwoo@e2e.test", role: "Editor", password: "temporary-pass-1" });
    test.slow(); // two browsers and three sign-ins on a shared machine
    const row = page.getByRole("row", { name: /jiwoo@e2e\.test/ });
    await expect(row.getByRole("cell").nth(1)).toHaveText("Editor");
    await expect(row.getByRole("cell").nth(2)).toContainText("Temporary password");

    const ctx = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
    const p = await ctx.newPage();
    await signInThroughForm(p, "jiwoo@e2e.test", "temporary-pass-1");
    await expect(p).toHaveURL(/\/account\/password$/);
    await expect(p.getByText("Choose your own password to continue")).toBeVisible();
    // Every other page sends them back until the password is changed.
    await p.goto("/partners");
    await expect(p).toHaveURL(/\/account\/password$/);
    // The API with the session cookie is closed too, until the password is changed.
    const api = await p.request.get("/api/v1/partners");
    expect(api.status()).toBe(403);
    expect(((await api.json()) as { error: { message: string } }).error.message).toBe("Change your temporary password first.");

    await p.getByLabel("Current password").fill("temporary-pass-1");
    await p.getByLabel("New password", { exact: true }).fill("jiwoo-own-password");
    await p.getByLabel("New password again").fill("jiwoo-different");
    await p.getByRole("button", { name: "Change password" }).click();
    await expect(p.getByText("The two new passwords differ.")).toBeVisible();

    await p.getByLabel("Current password").fill("temporary-pass-1");
    await p.getByLabel("New password", { exact: true }).fill("jiwoo-own-password");
    await p.getByLabel("New password again").fill("jiwoo-own-password");
    await p.getByRole("button", { name: "Change password" }).click();
    await expect(p.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(p).toHaveURL(/\/$/);
    await p.goto("/partners");
    // Where a failure went (the sign-in page, the password page or an error) shows in the message.
    await expect(p).toHaveURL(/\/partners$/);
    await expect(p.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
    expect((await p.request.get("/api/v1/partners")).status()).toBe(200);
    await ctx.close();

    await page.reload();
    await expect(page.getByRole("row", { name: /jiwoo@e2e\.test/ }).getByRole("cell").nth(2)).toHaveText("Active");
  });

  test("admin changes a role, and the audit trail shows it with filters", async ({ page }) => {
    await invite(page, { name: "Role Change", email: "promoted@e2e.test", role: "Viewer", password: "temporary-pass-2" });
    const row = page.getByRole("row", { name: /promoted@e2e\.test/ });
    await row.getByLabel("Role of promoted@e2e.test", { exact: true }).selectOption({ label: "Editor" });
    await row.getByRole("button", { name: "Change role of promoted@e2e.test" }).click();
    await expect(row.getByRole("status")).toHaveText("Role changed.");
    await expect(row.getByRole("cell").nth(1)).toHaveText("Editor");

    await page.goto("/admin/audit");
    await page.getByLabel("Event").selectOption({ label: "Role changed" });
    await page.getByLabel("Record type").selectOption({ label: "User" });
    await page.getByLabel("Who").selectOption("admin@e2e.test");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/event=role_change/);
    await expect(page).toHaveURL(/type=user/);
    const events = page.getByRole("table", { name: "Audit trail" }).getByRole("row");
    await expect(events).toHaveCount(2);
    await expect(events.nth(1)).toContainText("Role changed");
    await expect(events.nth(1)).toContainText("admin@e2e.test");
    await expect(events.nth(1)).toContainText("promoted@e2e.test");
    // Values read as the role names the page shows, not as stored codes.
    await expect(events.nth(1).locator("del")).toHaveText("Viewer");
    await expect(events.nth(1).locator("ins")).toHaveText("Editor");
    await page.screenshot({ path: "test-results/screens/admin-audit-filtered.png", fullPage: true });

    await page.getByLabel("Event").selectOption({ label: "Password changed" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No events match these filters.")).toBeVisible();
  });

  test("the last active admin cannot demote themselves", async ({ page }) => {
    await page.goto("/admin/users");
    const row = page.getByRole("row", { name: /admin@e2e\.test/ });
    await expect(row.getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
    await row.getByLabel("Role of admin@e2e.test", { exact: true }).selectOption({ label: "Viewer" });
    await row.getByRole("button", { name: "Change role of admin@e2e.test" }).click();
    await expect(row.getByRole("alert")).toHaveText("This is the last active administrator. Make another user an administrator first.");
    await page.reload();
    await expect(page.getByRole("row", { name: /admin@e2e\.test/ }).getByRole("cell").nth(1)).toHaveText("Administrator");
  });

  test("a deactivated user cannot sign in; reactivated they can", async ({ page, browser, baseURL }) => {
    await invite(page, { name: "Leaver", email: "leaver@e2e.test", role: "Viewer", password: "temporary-pass-3" });
    const row = page.getByRole("row", { name: /leaver@e2e\.test/ });
    await row.getByRole("button", { name: "Deactivate leaver@e2e.test" }).click();
    // A dialog asks first: Escape keeps the account, the dialog's own button deactivates it.
    const ask = page.getByRole("dialog", { name: "Deactivate leaver@e2e.test?" });
    await expect(ask).toBeVisible();
    await expect(ask).toContainText("revoked for good");
    await page.keyboard.press("Escape");
    await expect(ask).toBeHidden();
    await expect(row.getByRole("button", { name: "Deactivate leaver@e2e.test" })).toBeFocused();
    await expect(row).not.toContainText("Deactivated");
    await row.getByRole("button", { name: "Deactivate leaver@e2e.test" }).click();
    await ask.getByRole("button", { name: "Deactivate", exact: true }).click();
    await expect(row.getByRole("status")).toContainText("User deactivated");
    await expect(row).toContainText("Deactivated");

    const ctx = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
    const p = await ctx.newPage();
    await signInThroughForm(p, "leaver@e2e.test", "temporary-pass-3");
    await expect(p.getByRole("main").getByRole("alert")).toHaveText("This account is deactivated. Ask an administrator.");
    await ctx.close();

    await row.getByRole("button", { name: "Reactivate leaver@e2e.test" }).click();
    await expect(row.getByRole("status")).toHaveText("User reactivated.");
  });

  test("the invite form works by keyboard and keeps what was typed when refused", async ({ page }) => {
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Invite a user" });
    await form.getByLabel("Name").focus();
    await page.keyboard.type("Keyboard User");
    await page.keyboard.press("Tab");
    await page.keyboard.type("keys@e2e.test");
    await page.keyboard.press("Tab");
    await expect(form.getByLabel("Role")).toBeFocused();
    await page.keyboard.press("ArrowDown"); // viewer is last; ArrowDown keeps it, so go up to editor
    await page.keyboard.press("ArrowUp");
    await expect(form.getByLabel("Role")).toHaveValue("editor");
    await page.keyboard.press("Tab");
    await page.keyboard.type("short");
    await page.keyboard.press("Enter");
    await expect(form.getByRole("alert")).toHaveText("Nothing was saved. Check the fields below.");
    await expect(form.getByText("At least 12 characters.", { exact: true })).toBeVisible();
    await expect(form.getByLabel("Name")).toHaveValue("Keyboard User");
    await expect(form.getByLabel("Email")).toHaveValue("keys@e2e.test");

    await form.getByLabel("Temporary password").focus();
    await page.keyboard.type("long-enough-now");
    await page.keyboard.press("Enter");
    await expect(form.getByRole("status")).toContainText("keys@e2e.test can now sign in");
    await expect(page.getByRole("row", { name: /keys@e2e\.test/ })).toContainText("Editor");
  });
});

const PAGES = ["/admin", "/admin/users", "/admin/tokens", "/admin/audit", "/account/password"];
for (const locale of ["en", "ko"] as const)
  test.describe(`[ACCOUNTS] admin pages in ${locale}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "bh_locale", value: locale, url: baseURL! }]);
    });
    for (const p of PAGES)
      test(`${p} passes axe`, async ({ page }) => {
        await page.goto(p);
        await expect(page.locator("h1")).toHaveCount(1);
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({ path: `test-results/screens/accounts${p.replaceAll("/", "-")}-${locale}.png`, fullPage: true });
      });
  });

test.describe("[ACCOUNTS] in Korean", () => {
  test("in Korean, a refused invite explains each field in Korean", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "사용자 초대" });
    await form.getByLabel("이름").fill("한국어 확인");
    await form.getByLabel("이메일").fill("admin@e2e.test");
    await form.getByLabel("임시 비밀번호", { exact: true }).fill("short");
    await form.getByRole("button", { name: "초대" }).click();
    await expect(form.getByRole("alert")).toHaveText("저장하지 않았습니다. 아래 항목을 확인하세요.");
    await expect(form.getByText("12자 이상이어야 합니다.", { exact: true })).toBeVisible();
    await expect(form.getByText("At least 12 characters.")).toHaveCount(0);

    await form.getByLabel("임시 비밀번호", { exact: true }).fill("long-enough-pass");
    await form.getByRole("button", { name: "초대" }).click();
    await expect(form.getByText("다른 계정이 이미 이 이메일을 쓰고 있습니다.", { exact: true })).toBeVisible();
  });
});

test.describe("[ACCOUNTS] admin pages at 375 px", () => {
  test.use({ viewport: { width: 375, height: 812 } });
  for (const p of PAGES)
    test(`${p} fits and passes axe`, async ({ page }) => {
      await page.goto(p);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `test-results/screens/accounts-mobile${p.replaceAll("/", "-")}.png`, fullPage: true });
    });
});
