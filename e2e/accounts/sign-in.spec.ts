import { expect, test } from "../fixtures/test";
import { PASSWORD, USERS, type RoleName } from "../fixtures/users";
import { SIGNED_OUT, signInThroughForm } from "./helpers";

// Failed sign-ins here count against the per-IP limit (20 in 15 minutes) of the whole suite:
// this file makes 6 (one wrong password, five for the throwaway locked account).
test.describe("[ACCOUNTS] signing in", () => {
  test.use({ storageState: SIGNED_OUT });

  const ROLE_LABEL: Record<RoleName, string> = { admin: "Administrator", editor: "Editor", viewer: "Viewer" };
  for (const role of Object.keys(USERS) as RoleName[])
    test(`${role} signs in through the form and sees their role`, async ({ page }) => {
      await signInThroughForm(page, USERS[role].email, PASSWORD);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
      await expect(page.getByRole("complementary")).toContainText(`Role: ${ROLE_LABEL[role]}`);
      await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(role === "admin" ? 1 : 0);
    });

  test("a wrong password shows the message and keeps the email", async ({ page }) => {
    await signInThroughForm(page, "nobody@e2e.test", "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await expect(page.getByLabel("Email")).toHaveValue("nobody@e2e.test");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("after five failures the account is rate limited, even with the right password", async ({ page }) => {
    const email = "locked@e2e.test";
    for (let i = 0; i < 5; i++) {
      await signInThroughForm(page, email, `wrong-${i}`);
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    }
    await signInThroughForm(page, email, "whatever-it-is");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many failed sign-ins. Wait 15 minutes and try again.");
  });
});
