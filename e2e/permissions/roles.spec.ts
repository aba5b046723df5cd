import { expect, test } from "../fixtures/test";

const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/tokens", "/admin/audit", "/admin/exchange-rates"];
const READ_PAGES = ["/", "/partners", "/partners/chongqing", "/meetings", "/meetings/1", "/people"];

for (const role of ["editor", "viewer"] as const)
  test.describe(`[PERMISSIONS] ${role} and the admin area`, () => {
    test.use({ role });
    for (const p of ADMIN_PAGES)
      test(`${p} is a 403 page`, async ({ page }) => {
        const res = await page.goto(p);
        expect(res?.status()).toBe(403);
        await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
        await expect(page.getByRole("button", { name: /Invite|Create token|Revoke|Change role/ })).toHaveCount(0);
      });

    test("forged admin writes get 403 JSON", async ({ page, baseURL }) => {
      const headers = { Origin: baseURL! };
      const post = await page.request.post("/api/v1/tokens", { data: { name: "forged", role: "admin" }, headers });
      expect(post.status()).toBe(403);
      expect(await post.json()).toMatchObject({ error: { code: "forbidden" } });
      const del = await page.request.delete("/api/v1/tokens/1", { headers });
      expect(del.status()).toBe(403);
      expect((await page.request.get("/api/v1/tokens")).status()).toBe(403);
      const me = await page.request.get("/api/v1/me");
      expect(await me.json()).toMatchObject({ data: { kind: "user", role } });
    });
  });

test.describe("[PERMISSIONS] viewer reads without write controls", () => {
  test.use({ role: "viewer" });
  for (const p of READ_PAGES)
    test(`${p} shows no admin link and no write controls`, async ({ page }) => {
      await page.goto(p);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /^(New|Add|Edit|Delete|Save|Archive|Invite|Revoke)\b/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: /^(New|Add|Edit)\b/ })).toHaveCount(0);
    });
});
