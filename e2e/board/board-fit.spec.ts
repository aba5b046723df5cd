import type { Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

const HEADERS = ["Open", "In progress", "Blocked", "Done"] as const;
const column = (page: Page, name: string) => page.getByRole("list", { name: new RegExp(`^${name}:`) });
const handle = (page: Page, title: string) => page.getByRole("button", { name: `Move “${title}”` });
const live = (page: Page) => page.locator("#board-live");
const titles = async (page: Page, name: string) =>
  (await column(page, name).getByRole("button", { name: /^Open “/ }).allTextContents()).map((s) => s.trim());

async function hydrated(page: Page) {
  await expect(page.locator("[data-board]")).toHaveAttribute("data-hydrated", "true");
}

/** Lifts a card with Space, presses one arrow, drops it, and waits for the save. */
async function oneStep(page: Page, title: string, arrow: "ArrowRight" | "ArrowLeft", to: string) {
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/board/move") && r.request().method() === "POST");
  await handle(page, title).focus();
  await page.keyboard.press("Space");
  await expect(live(page)).toContainText(`Picked up “${title}”`);
  await page.keyboard.press(arrow);
  await expect(live(page)).toContainText(`“${title}” is over ${to}`);
  await page.keyboard.press("Space");
  expect((await saved).status()).toBe(200);
  await expect(column(page, to)).toContainText(title);
  // The focus stays on the card's handle in its new column, ready for the next move.
  await expect(handle(page, title)).toBeFocused();
}

test.describe("[BOARD] keyboard moves take one press", () => {
  test("one ArrowRight moves a card from Open to In progress from every position, one ArrowLeft brings it back", async ({ page }) => {
    await page.goto("/board?partner=chongqing");
    await hydrated(page);
    const open = await titles(page, "Open");
    expect(open.length).toBeGreaterThanOrEqual(3);
    // Last, then middle, then first: each card leaves Open from a different position.
    const order = [open.length - 1, Math.floor((open.length - 1) / 2), 0];
    for (const i of order) {
      const title = open[i]!;
      expect(await titles(page, "Open")).toContain(title);
      await oneStep(page, title, "ArrowRight", "In progress");
      await expect(column(page, "Open")).not.toContainText(title);
    }
    await page.reload();
    await hydrated(page);
    for (const i of order) expect(await titles(page, "In progress")).toContain(open[i]!);
    // Back again, each from its own place in In progress.
    for (const title of await titles(page, "In progress")) await oneStep(page, title, "ArrowLeft", "Open");
    await expect(column(page, "In progress")).toHaveAttribute("aria-label", "In progress: 0 cards");
  });

  test("Escape puts a lifted card back and nothing is saved", async ({ page }) => {
    await page.goto("/board?partner=chongqing");
    await hydrated(page);
    const [title] = await titles(page, "Open");
    let posted = false;
    page.on("request", (r) => {
      if (r.url().endsWith("/api/v1/board/move")) posted = true;
    });
    await handle(page, title!).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowRight");
    await expect(column(page, "In progress")).toContainText(title!);
    await page.keyboard.press("Escape");
    await expect(live(page)).toContainText(`Moving “${title}” was cancelled. It is back in Open.`);
    await expect(column(page, "Open")).toContainText(title!);
    await expect(column(page, "In progress")).not.toContainText(title!);
    expect(posted).toBe(false);
  });
});

test.describe("[BOARD] the board fits the screen", () => {
  test("at 1366 px all five column headers are whole, nothing scrolls sideways and no column scrolls inside itself", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto("/board");
    await hydrated(page);
    const headers = [
      ...HEADERS.map((h) => page.getByRole("heading", { level: 2, name: new RegExp(`^${h}`) })),
      page.getByRole("button", { name: /^Cancelled/ }),
    ];
    for (const h of headers) {
      await expect(h).toBeVisible();
      const box = (await h.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1366);
      // Whole: nothing of the header's text is cut off inside its own box.
      expect(await h.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // No scroll box anywhere in the board: every card of every column is on the page.
    const boxes = await page.locator("[data-board] *").evaluateAll((els) =>
      els
        .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        .filter((el) => {
          const css = getComputedStyle(el);
          // Screen-reader-only text and a clamped meeting line clip by design.
          if (el.clientWidth <= 1 || css.webkitLineClamp !== "none") return false;
          return ["auto", "scroll", "hidden"].some((v) => css.overflowX === v || css.overflowY === v);
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(boxes).toEqual([]);
    // A long title wraps in its column: the open columns share the width evenly.
    const widths = await Promise.all(HEADERS.map(async (h) => (await page.getByRole("region", { name: new RegExp(`^${h}`) }).boundingBox())!.width));
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
  });

  test("a dragged card floats above the columns instead of being clipped by its own", async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto("/board?partner=chongqing");
    await hydrated(page);
    const [title] = await titles(page, "Open");
    const from = (await handle(page, title!).boundingBox())!;
    const to = (await page.getByRole("region", { name: /^Blocked/ }).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + 20, from.y + from.height / 2, { steps: 3 });
    const x = to.x + to.width / 2;
    const y = to.y + 60;
    await page.mouse.move(x, y, { steps: 12 });
    // What is under the pointer over the Blocked column is the card itself, not the column.
    await expect
      .poll(() => page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.closest("[data-board-overlay]")?.textContent ?? "", [x, y]))
      .toContain(title!);
    await page.keyboard.press("Escape");
    await page.mouse.up();
    await expect(column(page, "Open")).toContainText(title!);
  });

  test("on a phone the filters fold under one button and the cards come first", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/board?priority=high");
    await hydrated(page);
    const toggle = page.getByRole("button", { name: "Filters (1 active)" });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByLabel("Partner")).toBeHidden();
    const card = (await page.getByRole("button", { name: /^Open “/ }).first().boundingBox())!;
    expect(card.y).toBeLessThan(812);
    await toggle.click();
    await expect(page.getByLabel("Partner")).toBeVisible();
    await expect(page.getByLabel("Priority")).toHaveValue("high");
    await expectNoSeriousAxeViolations(page);
  });
});
