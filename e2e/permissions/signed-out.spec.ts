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

const PUBLIC_PAGES = new Set(["/login"]);
const pages = walk("app", "page.tsx").filter((p) => !PUBLIC_PAGES.has(p));
const routes = walk("app", "route.ts");

test.describe("[PERMISSIONS] signed out", () => {
  test("the enumeration finds the app's pages", () => {
    expect(pages).toEqual(expect.arrayContaining(["/", "/partners", "/partners/chongqing", "/meetings/1"]));
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
