import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "../fixtures/test";

type Card = { id: number; version: number; title: string; status: string };
type Board = { lanes: { columns: { status: string; cards: Card[] }[] }[] };

async function cards(request: APIRequestContext): Promise<Card[]> {
  const r = await request.get("/api/v1/board/column?partner=chongqing");
  return ((await r.json()) as Board).lanes.flatMap((l) => l.columns.flatMap((c) => c.cards));
}
const move = (request: APIRequestContext, baseURL: string, c: Card, status: string) =>
  request.post("/api/v1/board/move", { data: { id: c.id, version: c.version, status }, headers: { origin: baseURL } });
const int = (s: string | null) => Number((s ?? "").replace(/\D/g, ""));
const tile = (page: Page) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /Unfinished follow-ups/ }) });

test.describe("[NUMBERS] every breakdown adds up and 'open' means one thing", () => {
  test("with a card blocked and one in progress, the dashboard's parts add up to its total and match the board and the overview", async ({ page, baseURL }) => {
    const [a, b] = (await cards(page.request)).filter((c) => c.status === "open");
    expect((await move(page.request, baseURL!, a!, "blocked")).status()).toBe(200);
    expect((await move(page.request, baseURL!, b!, "in_progress")).status()).toBe(200);
    try {
      await page.goto("/");
      const total = int(await tile(page).getByRole("link", { name: /Unfinished follow-ups/ }).textContent());
      const parts = await tile(page).getByRole("list").getByRole("link").allTextContents();
      expect(parts.map((p) => p.replace(/^\d+\s*/, ""))).toEqual(["Open", "In progress", "Blocked"]);
      expect(parts.map(int).reduce((x, y) => x + y, 0)).toBe(total);
      await expect(tile(page).getByRole("link", { name: "1 Blocked" })).toHaveAttribute("href", "/actions?status=blocked");

      // The board's three unfinished columns hold the same number.
      await page.goto("/board");
      let onBoard = 0;
      for (const s of ["Open", "In progress", "Blocked"]) {
        const label = await page.getByRole("list", { name: new RegExp(`^${s}:`) }).getAttribute("aria-label");
        onBoard += int(label);
      }
      expect(onBoard).toBe(total);

      // The partner overview says "Unfinished", never a second meaning of "Open".
      await page.goto("/board/partners");
      const chongqing = page.getByRole("listitem").filter({ hasText: "Chongqing Municipality" });
      await expect(chongqing.getByText("Unfinished", { exact: true })).toBeVisible();
      await expect(chongqing.getByText("Open", { exact: true })).toHaveCount(0);
      expect(int(await chongqing.getByText("Unfinished", { exact: true }).locator("xpath=following-sibling::dd[1]").textContent())).toBe(total);
    } finally {
      for (const c of await cards(page.request)) if (c.id === a!.id || c.id === b!.id) await move(page.request, baseURL!, c, "open");
    }
  });

  test("partners never met rank first in 'going cold', marked no contact yet", async ({ page }) => {
    await page.goto("/");
    const cold = page.getByRole("region", { name: "Days since last contact" });
    // Other specs add partners of their own, so the never-met count is read from the figures table
    // (in the order of the chart): every partner never met ranks above every partner met.
    const rows = await cold.locator("table tbody tr").allTextContents();
    const never = rows.map((r) => r.includes("No contact yet"));
    const firstMet = never.indexOf(false);
    expect(firstMet).toBeGreaterThan(0);
    expect(never.slice(firstMet).some(Boolean)).toBe(false);
    const tianjin = rows.findIndex((r) => r.includes("Tianjin"));
    expect(never[tianjin]).toBe(true);
    expect(tianjin).toBeLessThan(rows.findIndex((r) => r.includes("Chongqing")));
    // The chart marks the same partners, each with a bar of no length.
    await expect(cold.locator("svg text").getByText("No contact yet")).toHaveCount(never.filter(Boolean).length);
  });
});
