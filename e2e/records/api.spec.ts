import path from "node:path";
import { openDb } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createApiToken } from "@/db/queries/tokens";
import { expect, test } from "../fixtures/test";

test.describe("[API] round trip", () => {
  test("a meeting created with a bearer token shows in the UI; the editor's session can PATCH it", async ({ page, baseURL }) => {
    const db = openDb(path.resolve("test-results/e2e.db"));
    const { token } = await createApiToken(db, SYSTEM_ACTOR, { name: "e2e integration", role: "editor" });
    db.$client.close();
    const auth = { authorization: `Bearer ${token}` };

    const partners = await page.request.get("/api/v1/partners?q=Chongqing", { headers: auth });
    expect(partners.status()).toBe(200);
    const cq = ((await partners.json()) as { data: { id: number }[] }).data[0]!;
    const res = await page.request.post("/api/v1/meetings", {
      headers: auth,
      data: {
        partnerId: cq.id,
        title: "Big-data working group, first video call",
        kind: "video_call",
        status: "held",
        date: "2020-01-15",
        time: "10:00",
        timeZone: "Asia/Shanghai",
        summary: "Both sides named contacts for data sharing.",
        participants: [{ newPerson: { nameEn: "Wang Fang", nameLocal: "王芳", side: "partner" }, role: "lead", titleAtTime: "Deputy Director" }],
      },
    });
    expect(res.status()).toBe(201);
    const m = (await res.json()) as { id: number; version: number };

    await page.goto(`/meetings/${m.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Big-data working group, first video call");
    await expect(page.getByText("Wang Fang").first()).toBeVisible();

    // The signed-in editor's session works too (same-origin writes only).
    const patch = await page.request.patch(`/api/v1/meetings/${m.id}`, {
      headers: { origin: baseURL! },
      data: { version: m.version, outcomes: "Contacts exchanged." },
    });
    expect(patch.status()).toBe(200);
    const stale = await page.request.patch(`/api/v1/meetings/${m.id}`, { headers: { origin: baseURL! }, data: { version: m.version, outcomes: "x" } });
    expect(stale.status()).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "conflict" } });
    const crossSite = await page.request.patch(`/api/v1/meetings/${m.id}`, { headers: { origin: "https://evil.example" }, data: { version: 2 } });
    expect(crossSite.status()).toBe(403);

    const doc = await page.request.get("/api/v1/openapi.json");
    expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");
  });
});

test.describe("[API] a viewer", () => {
  test.use({ role: "viewer" });

  test("reads, but a write is 403 in the error shape", async ({ page, baseURL }) => {
    expect((await page.request.get("/api/v1/actions?limit=2")).status()).toBe(200);
    const w = await page.request.post("/api/v1/partners", { headers: { origin: baseURL! }, data: { slug: "x" } });
    expect(w.status()).toBe(403);
    expect(await w.json()).toMatchObject({ error: { code: "forbidden" } });
    await page.goto("/api-docs");
    await expect(page.getByRole("heading", { level: 3, name: "/api/v1/meetings", exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "Follow-up actions" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 4, name: /Create a follow-up action$/ }).first()).toBeVisible();
  });
});
