import { request as apiRequest } from "@playwright/test";
import { expect, test } from "../fixtures/test";

test.use({ role: "admin" });

test.describe("[ACCOUNTS] API tokens", () => {
  test("a token made in the UI works as a bearer token until it is revoked", async ({ page, baseURL }) => {
    await page.goto("/admin/tokens");
    const form = page.getByRole("form", { name: "Create a token" });
    await form.getByLabel("Name").fill("Weekly statistics");
    await form.getByLabel("Role").selectOption({ label: "Viewer" });
    await form.getByRole("button", { name: "Create token" }).click();
    await expect(page.getByText("Copy it now: this is the only time it is shown.")).toBeVisible();
    const token = await page.getByLabel("New token").inputValue();
    expect(token).toMatch(/^bh_/);
    await page.screenshot({ path: "test-results/screens/admin-token-created.png", fullPage: true });

    // A clean client: no cookies, only the bearer token.
    const api = await apiRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const auth = { Authorization: `Bearer ${token}` };
    const me = await api.get("/api/v1/me", { headers: auth });
    expect(me.status()).toBe(200);
    expect(await me.json()).toEqual({ data: { kind: "token", userId: null, label: "token:Weekly statistics", role: "viewer" } });
    // A viewer token may read but not manage tokens.
    const forged = await api.post("/api/v1/tokens", { headers: auth, data: { name: "escalate", role: "admin" } });
    expect(forged.status()).toBe(403);
    expect((await api.get("/api/v1/me")).status()).toBe(401);

    // Shown once: after a reload only the prefix is listed.
    await page.reload();
    await expect(page.getByLabel("New token")).toHaveCount(0);
    const row = page.getByRole("row", { name: /Weekly statistics/ });
    await expect(row).toContainText(token.slice(0, 7));
    await expect(row).not.toContainText(token);
    await expect(row.getByRole("cell").nth(4)).not.toHaveText("Never");

    await row.getByRole("button", { name: "Revoke token Weekly statistics" }).click();
    await expect(row).toContainText("Revoked");
    const after = await api.get("/api/v1/me", { headers: auth });
    expect(after.status()).toBe(401);
    expect(await after.json()).toMatchObject({ error: { code: "unauthorized" } });
    await api.dispose();
  });

  test("the JSON API lists, creates and revokes tokens for an admin", async ({ page, baseURL }) => {
    const created = await page.request.post("/api/v1/tokens", { data: { name: "From the API", role: "editor" }, headers: { Origin: baseURL! } });
    expect(created.status()).toBe(201);
    const { data } = (await created.json()) as { data: { id: number; token: string; role: string } };
    expect(data.role).toBe("editor");
    const list = (await (await page.request.get("/api/v1/tokens")).json()) as { data: { id: number; prefix: string }[] };
    expect(list.data.find((t) => t.id === data.id)?.prefix).toBe(data.token.slice(0, 7));
    expect(JSON.stringify(list)).not.toContain(data.token);

    const bad = await page.request.post("/api/v1/tokens", { data: { name: "", role: "owner" }, headers: { Origin: baseURL! } });
    expect(bad.status()).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed", fields: { name: expect.any(Array), role: expect.any(Array) } } });

    const crossSite = await page.request.delete(`/api/v1/tokens/${data.id}`, { headers: { Origin: "https://evil.example" } });
    expect(crossSite.status()).toBe(403);
    expect((await page.request.delete(`/api/v1/tokens/${data.id}`, { headers: { Origin: baseURL! } })).status()).toBe(204);
    expect((await page.request.delete(`/api/v1/tokens/${data.id}`, { headers: { Origin: baseURL! } })).status()).toBe(404);
    expect((await page.request.delete("/api/v1/tokens/abc", { headers: { Origin: baseURL! } })).status()).toBe(404);
  });
});
