import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Enumerates every page and route handler under app/, so a new route without an auth check
// fails here. Dynamic segments get a plausible value.
const SAMPLE: Record<string, string> = { "[slug]": "chongqing", "[id]": "1" };

function walk(dir: string, file: string, out: string[] = [], segs: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (e.name.startsWith("_")) continue;
      const seg = e.name.startsWith("(") ? null : (SAMPLE[e.name] ?? e.name.replace(/^\[\[?\.\.\..+\]\]?$/, "x"));
      walk(path.join(dir, e.name), file, out, seg ? [...segs, seg] : segs);
    } else if (e.name === file) out.push("/" + segs.join("/"));
  }
  return out;
}

// Public by design: sign-in, and the one-click unsubscribe of a mail, whose signed token is the
// only credential (RFC 8058).
const PUBLIC_PAGES = new Set(["/login", "/unsubscribe/[token]"]);
const PUBLIC_ROUTES = new Set(["/api/unsubscribe/[token]"]);
const pages = walk("app", "page.tsx").filter((p) => !PUBLIC_PAGES.has(p));
const routes = walk("app", "route.ts").filter((r) => !PUBLIC_ROUTES.has(r));

test.describe("[PERMISSIONS] signed out", () => {
  test("the enumeration finds the app's pages", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/partners", "/partners/chongqing", "/meetings/1"]));
    expect(walk("app", "page.tsx")).toEqual(expect.arrayContaining([...PUBLIC_PAGES]));
    expect(walk("app", "route.ts")).toEqual(expect.arrayContaining([...PUBLIC_ROUTES]));
  });

  test("an unsubscribe link with a forged token changes nothing and stays signed out", async ({ page, request }) => {
    const res = await request.post("/api/unsubscribe/forged-token", { form: { "List-Unsubscribe": "One-Click" }, failOnStatusCode: false });
    expect(res.status()).toBe(400);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: "bad_request" } });
    await page.goto("/unsubscribe/forged-token");
    await expect(page).toHaveURL(/\/unsubscribe\/forged-token$/);
  });

  for (const p of pages)
    test(`page ${p} redirects to sign-in`, async ({ page }) => {
      await page.goto(p);
      await expect(page).toHaveURL(/\/login$/);
      await expect(page.getByRole("heading", { name: "Sign in to Bridgehead" })).toBeVisible();
    });

  for (const r of routes)
    for (const method of ["GET", "POST", "PATCH", "DELETE"])
      test(`${method} ${r} answers 401 JSON`, async ({ request }) => {
        const res = await request.fetch(r, { method, data: method === "GET" ? undefined : {}, failOnStatusCode: false });
        if (res.status() === 405) return; // the method is not served at all
        expect(res.status()).toBe(401);
        expect((await res.json()) as unknown).toMatchObject({ error: { code: "unauthorized" } });
      });
});
