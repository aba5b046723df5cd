import fs from "node:fs";
import path from "node:path";
import * as OTPAuth from "otpauth";
import type { Page } from "@playwright/test";
import { SYSTEM_ACTOR } from "@/db/audit";
import { openDb } from "@/db/client";
import { setAdminTwoFactorRequired } from "@/db/queries/admin-two-factor";
import { createUser, findUserByEmail, setUserActive } from "@/db/queries/users";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";
import { SIGNED_OUT, signInThroughForm } from "./helpers";

const DB = path.resolve("test-results/e2e.db");
const BOSS_STATE = "test-results/.auth/two-factor-boss.json";
const PW = "Required-two-step-2026";
const BOSS = "boss-2fa@e2e.test";
const LATE = "late-2fa@e2e.test";

async function withDb(fn: (db: ReturnType<typeof openDb>) => Promise<unknown>) {
  const db = openDb(DB);
  try {
    await fn(db);
  } finally {
    db.$client.close();
  }
}

/** The enrolment page's flow by keyboard: password, Enter, the key read as an app would, the first code, Enter. */
async function enrolByKeyboard(page: Page) {
  await page.getByLabel("Your password").focus();
  await page.keyboard.type(PW);
  await page.keyboard.press("Enter");
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  const app = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  await page.getByLabel("Code from the app").focus();
  await page.keyboard.type(app.generate());
  await page.keyboard.press("Enter");
  await expect(page.getByText("Two-step sign-in is on.")).toBeVisible();
}

// One story, in order: an admin who requires it must use it; then another admin without it is
// held at the enrolment page until they enrol. The requirement is turned off again at the end
// (and in afterAll, whatever happened), so every other spec's admin is unaffected.
test.describe.serial("[ACCOUNTS] two-step sign-in required for administrators", () => {
  test.use({ storageState: SIGNED_OUT });
  // Each test is a whole story of sign-ins and enrolments: more than the default 30 s on a loaded machine.
  test.beforeEach(() => test.slow());

  test.beforeAll(async () => {
    await withDb(async (db) => {
      await createUser(db, SYSTEM_ACTOR, { email: BOSS, name: "Bora Boss", role: "admin", password: PW });
      await createUser(db, SYSTEM_ACTOR, { email: LATE, name: "Lee Late", role: "admin", password: PW });
    });
  });
  // Whatever happened: the requirement off, and these two admins gone, so that the suite's own
  // admin is the last active one again (e2e/accounts/users.spec.ts relies on it).
  test.afterAll(async () => {
    await withDb(async (db) => {
      await setAdminTwoFactorRequired(db, SYSTEM_ACTOR, false);
      for (const email of [BOSS, LATE]) {
        const u = await findUserByEmail(db, email);
        if (u && !u.banned) await setUserActive(db, SYSTEM_ACTOR, u.id, false);
      }
    });
    fs.rmSync(BOSS_STATE, { force: true });
  });

  test("an admin turns it on by keyboard, once their own two-step sign-in is on", async ({ page }) => {
    await signInThroughForm(page, BOSS, PW);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Two-step sign-in for administrators" });
    await expect(form.getByText(`Administrators without two-step sign-in: `)).toContainText(LATE);
    await expectNoSeriousAxeViolations(page);

    await form.getByRole("radio", { name: /^On:/ }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await expect(form.getByRole("button", { name: "Save" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(form.getByRole("alert")).toContainText("Turn on two-step sign-in for your own account first");
    await expect(form.getByRole("radio", { name: /^Off:/ })).toBeChecked();

    await page.goto("/account/two-factor");
    await enrolByKeyboard(page);
    await page.goto("/admin/users");
    await form.getByRole("radio", { name: /^On:/ }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(form.getByRole("status")).toHaveText("Two-step sign-in is now required for administrators.");
    await expect(form.getByRole("radio", { name: /^On:/ })).toBeChecked();
    const late = page.getByRole("row").filter({ hasText: LATE });
    await expect(late.getByText("Two-step sign-in missing")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: BOSS }).getByText("Two-step sign-in missing")).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/two-factor/required-admin-users.png", fullPage: true });
    await page.context().storageState({ path: BOSS_STATE });
  });

  test("another admin without it signs in and can only enrol; after enrolling, Admin opens", async ({ page, context, baseURL }) => {
    await signInThroughForm(page, LATE, PW);
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await expect(page.getByRole("main").getByRole("status").first()).toHaveText(/Administrators must use two-step sign-in/);
    await expectNoSeriousAxeViolations(page);
    for (const p of ["/admin", "/admin/users", "/partners", "/account/password"]) {
      await page.goto(p);
      await expect(page).toHaveURL(/\/account\/two-factor$/);
    }
    const api = await page.request.get("/api/v1/me");
    expect(api.status()).toBe(403);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("forbidden");

    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await expect(page.getByRole("heading", { level: 1, name: "2단계 로그인" })).toBeVisible();
    await expect(page.getByText("관리자는 2단계 로그인을 사용해야 합니다.")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/two-factor/required-ko-375.png", fullPage: true });

    await context.addCookies([{ name: "bh_locale", value: "en", url: baseURL! }]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/account/two-factor");
    await enrolByKeyboard(page);
    await expect(page.getByText("it cannot be turned off")).toBeVisible();
    await page.goto("/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    await page.goto("/admin/users");
    await expect(page.getByRole("row").filter({ hasText: LATE }).getByText("Two-step sign-in missing")).toHaveCount(0);
  });

  test("the admin who turned it on turns it off again", async ({ browser }) => {
    const context = await browser.newContext({ storageState: BOSS_STATE });
    const page = await context.newPage();
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Two-step sign-in for administrators" });
    await form.getByRole("radio", { name: /^Off:/ }).check();
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Two-step sign-in is now optional for administrators.");
    await context.close();
  });
});
