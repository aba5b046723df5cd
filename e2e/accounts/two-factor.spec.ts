import path from "node:path";
import { eq } from "drizzle-orm";
import * as OTPAuth from "otpauth";
import { SYSTEM_ACTOR } from "@/db/audit";
import { openDb } from "@/db/client";
import { auditEvent } from "@/db/schema";
import { createUser } from "@/db/queries/users";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";
import { SIGNED_OUT, signInThroughForm } from "./helpers";

const DB = path.resolve("test-results/e2e.db");
const EMAIL = "twostep@e2e.test";
const PW = "Two-step-sign-in-2026";

// One person's story, in order: enrol, sign out, sign in with a code, a wrong code, a backup
// code, and an admin's reset. The wrong code is tried from an address this account signed in
// from before, so it does not spend the suite's per-IP budget.
test.describe.serial("[ACCOUNTS] two-step sign-in", () => {
  test.use({ storageState: SIGNED_OUT });
  let secret = "";
  let backupCodes: string[] = [];
  const totp = () => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });

  test.beforeAll(async () => {
    const db = openDb(DB);
    try {
      await createUser(db, SYSTEM_ACTOR, { email: EMAIL, name: "Tess Twostep", role: "editor", password: PW });
    } finally {
      db.$client.close();
    }
  });

  test("an editor turns it on: QR code, the key as text, backup codes shown once, then a first code", async ({ page }) => {
    await signInThroughForm(page, EMAIL, PW);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await page.goto("/account/password");
    await expect(page.getByText("Two-step sign-in: off.")).toBeVisible();
    await page.getByRole("link", { name: "Manage two-step sign-in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Two-step sign-in" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel("Your password").fill("not-my-password-at-all");
    await page.getByRole("button", { name: "Begin" }).click();
    await expect(page.getByText("This is not your password.")).toBeVisible();
    await page.getByLabel("Your password").fill(PW);
    await page.getByRole("button", { name: "Begin" }).click();

    await expect(page.getByRole("img", { name: /QR code that adds Bridgehead/ })).toBeVisible();
    secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const codes = page.getByRole("list", { name: "Your backup codes" }).getByRole("listitem");
    await expect(codes).toHaveCount(10);
    backupCodes = await codes.allInnerTexts();
    expect(backupCodes.every((c) => /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/.test(c))).toBe(true);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/two-factor/enrol.png", fullPage: true });

    await page.getByLabel("Code from the app").fill("000000" === totp().generate() ? "111111" : "000000");
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Two-step sign-in is not on yet. Check the code below.");
    await page.getByLabel("Code from the app").fill(totp().generate());
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByText("Two-step sign-in is on.")).toBeVisible();
    // Shown once: the page no longer lists them.
    await expect(page.getByRole("list", { name: "Your backup codes" })).toHaveCount(0);
    await page.goto("/account/password");
    await expect(page.getByText("Two-step sign-in: on.")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("signing in asks for the code after the password, by keyboard; a wrong code is refused", async ({ page }) => {
    await signInThroughForm(page, EMAIL, PW);
    await expect(page).toHaveURL(/\/login\/two-factor$/);
    await expect(page.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    // Nothing but the sign-in pages opens before the code.
    await page.goto("/partners");
    await expect(page).toHaveURL(/\/login$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/login\/two-factor$/);

    const wrong = ["000000", "111111"].find((c) => c !== totp().generate())!;
    await page.getByLabel("Code").fill(wrong);
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Code")).toHaveAccessibleDescription(/This code is not right\. Check the app's current code and try again\./);
    await expect(page.getByLabel("Code")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Code").fill("12ab");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Enter six digits, or a backup code like abcde-12345.")).toBeVisible();

    await page.getByLabel("Code").focus();
    await page.keyboard.type(totp().generate());
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("a backup code signs in instead of the app's code, once", async ({ page }) => {
    const code = backupCodes[0]!;
    await signInThroughForm(page, EMAIL, PW);
    await expect(page).toHaveURL(/\/login\/two-factor$/);
    await page.getByLabel("Code").fill(code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();

    await signInThroughForm(page, EMAIL, PW);
    await page.getByLabel("Code").fill(code);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Code")).toHaveAccessibleDescription(/This code is not right\./);
  });

  test("reads in Korean and fits 375 px", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/login");
    await page.getByLabel("이메일").fill(EMAIL);
    await page.getByLabel("비밀번호").fill(PW);
    await page.getByRole("button", { name: "로그인" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "코드 입력" })).toBeVisible();
    await expect(page.getByLabel("코드")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/two-factor/step-ko-375.png" });
  });
});

test.describe("[ACCOUNTS] two-step sign-in, the admin's view", () => {
  test.use({ role: "admin" });

  test("the users page shows who has it on, and an admin resets it (audited)", async ({ page }) => {
    await page.goto("/admin/users");
    const row = page.getByRole("row").filter({ hasText: EMAIL });
    await expect(row.getByText("Two-step on")).toBeVisible();
    await row.getByText(`Reset two-step sign-in of ${EMAIL}`).click();
    await row.getByRole("button", { name: "Reset two-step sign-in" }).click();
    await expect(row.getByRole("status")).toHaveText(`Two-step sign-in of ${EMAIL} has been reset.`);
    await expect(row.getByText("Two-step on")).toHaveCount(0);
    const db = openDb(DB);
    try {
      const events = await db.select({ label: auditEvent.actorLabel }).from(auditEvent).where(eq(auditEvent.event, "two_factor_reset"));
      expect(events.map((e) => e.label)).toContain("admin@e2e.test");
    } finally {
      db.$client.close();
    }
  });
});
