import { expect, type Page } from "@playwright/test";

/** Signs in through the real form (no stored session). */
export async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export const SIGNED_OUT = { cookies: [], origins: [] };

/** Invites a user from /admin/users and waits for the confirmation. */
export async function invite(page: Page, u: { name: string; email: string; role: "Admin" | "Editor" | "Viewer"; password: string }) {
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Invite a user" });
  await form.getByLabel("Name").fill(u.name);
  await form.getByLabel("Email").fill(u.email);
  await form.getByLabel("Role").selectOption({ label: u.role });
  await form.getByLabel("Temporary password").fill(u.password);
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(form.getByRole("status")).toContainText(`${u.email} can now sign in`);
}
