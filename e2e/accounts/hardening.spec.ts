import path from "node:path";
import { createPartner, updatePartner } from "@/db/queries/partners";
import { openDb } from "@/db/client";
import { expect, test } from "../fixtures/test";

test.describe("[ACCOUNTS] web hardening", () => {
  test("a page answers with a nonce CSP, no inline scripts, no framing, nosniff and a referrer policy", async ({ page }) => {
    const res = (await page.goto("/partners"))!;
    const h = res.headers();
    const csp = h["content-security-policy"] ?? "";
    const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k ?? "", v] as const));
    const script = directives.get("script-src") ?? [];
    const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toBeTruthy();
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Next's own scripts carry this response's nonce, so the policy is in force and the app runs.
    const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((n) => n === nonce)).toBe(true);
    const again = (await page.request.get("/partners")).headers()["content-security-policy"];
    expect(again).not.toContain(`'nonce-${nonce}'`);
  });

  test("markup typed into a record shows as text and never runs", async ({ page }) => {
    const db = openDb(path.resolve("test-results/e2e.db"));
    const evil = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;
    const actor = { userId: null, label: "e2e-hardening", role: "editor" as const };
    try {
      const p = await createPartner(db, actor, {
        slug: "markup-test",
        nameEn: "Markup <b>Test</b> Region",
        nameKo: "마크업 시험",
        country: "jp",
        kind: "city",
        level: "exploring",
        status: "exploring",
        since: "2024",
        timeZone: "Asia/Tokyo",
        summary: `Notes: ${evil}`,
      });
      await updatePartner(db, actor, p.id, {
        slug: "markup-test",
        nameEn: "Markup <b>Test</b> Region",
        nameKo: "마크업 시험",
        country: "jp",
        kind: "city",
        level: "exploring",
        status: "exploring",
        since: "2024",
        timeZone: "Asia/Tokyo",
        summary: `Edited: ${evil}`,
        version: p.version,
      });
    } finally {
      db.$client.close();
    }
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto("/partners/markup-test");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Markup <b>Test<\/b> Region/);
    await expect(page.getByText(`Edited: ${evil}`).first()).toBeVisible();
    // The record's history shows the old and new text, also as text.
    const history = page.getByRole("region", { name: "History" });
    await expect(history).toContainText("Edited by e2e-hardening");
    await expect(history).toContainText(`Notes: ${evil}`);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator("main img[src='x']")).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });
});
