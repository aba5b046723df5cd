import { expect, test } from "@playwright/test";

// The files a browser asks for before anyone signs in: icons, the web app manifest, robots.txt.
test.describe("[SHELL] public files", () => {
  test("robots.txt keeps the internal tool out of search engines", async ({ request }) => {
    const res = await request.get("/robots.txt");
    expect(res.status()).toBe(200);
    expect(await res.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  });

  test("the manifest names the app and its icons, and every icon is served", async ({ request }) => {
    const res = await request.get("/manifest.webmanifest");
    expect(res.status()).toBe(200);
    const manifest = (await res.json()) as { name: string; short_name: string; theme_color: string; icons: { src: string; type: string }[] };
    expect(manifest.short_name).toBe("Bridgehead");
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of [...manifest.icons, { src: "/favicon.ico", type: "image/" }, { src: "/apple-touch-icon.png", type: "image/png" }]) {
      const r = await request.get(icon.src);
      expect(r.status(), icon.src).toBe(200);
      expect(r.headers()["content-type"], icon.src).toContain(icon.type.split("+")[0]);
    }
  });

  test("the manifest speaks the reader's language: the app's choice first, else the browser's", async ({ playwright, baseURL }) => {
    const nameIn = async (extraHTTPHeaders: Record<string, string>) => {
      const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders });
      const m = (await (await ctx.get("/manifest.webmanifest")).json()) as { name: string; lang: string };
      await ctx.dispose();
      return m;
    };
    expect(await nameIn({ "accept-language": "ko-KR,ko;q=0.9,en;q=0.8" })).toMatchObject({ lang: "ko", name: "Bridgehead — 국제교류 협력 관리" });
    expect(await nameIn({ "accept-language": "en-GB,en;q=0.9" })).toMatchObject({ lang: "en", name: "Bridgehead — Partnership tracker" });
    expect(await nameIn({ "accept-language": "ko", cookie: "bh_locale=en" })).toMatchObject({ lang: "en" });
    expect(await nameIn({ "accept-language": "fr-FR", cookie: "bh_locale=ko" })).toMatchObject({ lang: "ko" });
  });

  test("the sign-in page links the icons and the manifest, and asks not to be indexed", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/icon.svg");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
    await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#184c88");
  });
});
