import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

const BIG_DATA = "Start cooperation on big data information and data sharing";
const VISIT = "Mayor Tang's visit to Gyeonggi Province: Pangyo Techno Valley and SK Hynix";
const TASK_FORCE = "Organise a task force for a Chongqing delegation's visit to Gyeonggi Province";

type Card = { id: number; version: number; title: string; status: string };
type Board = { lanes: { columns: { status: string; cards: Card[] }[] }[] };

const column = (page: Page, name: string) => page.getByRole("list", { name: new RegExp(`^${name}:`) });
const handle = (page: Page, title: string) => page.getByRole("button", { name: `Move “${title}”` });

async function findCard(request: APIRequestContext, title: string): Promise<Card> {
  const r = await request.get("/api/v1/board/column?partner=chongqing");
  expect(r.ok()).toBe(true);
  const board = (await r.json()) as Board;
  const card = board.lanes.flatMap((l) => l.columns.flatMap((c) => c.cards)).find((c) => c.title === title);
  expect(card, title).toBeDefined();
  return card!;
}

/** A move posted straight to the API (as another tab or person would), same-origin like the app. */
async function apiMove(request: APIRequestContext, baseURL: string, body: Record<string, unknown>) {
  return request.post("/api/v1/board/move", { data: body, headers: { origin: baseURL } });
}

async function hydrated(page: Page) {
  await expect(page.locator("[data-board]")).toHaveAttribute("data-hydrated", "true");
}

async function mouseDrag(page: Page, from: Locator, to: Locator) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(40, b.height / 2), { steps: 12 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(40, b.height / 2) + 2, { steps: 2 });
  await page.mouse.up();
}

test.describe("[BOARD] editor moves follow-ups", () => {
  test("drags a Chongqing action to In progress with the mouse, back with the keyboard, and the order holds after reload", async ({ page }) => {
    await page.goto("/board");
    await hydrated(page);
    await expect(column(page, "Open")).toContainText(BIG_DATA);
    await expect(page.getByRole("heading", { level: 2, name: /^In progress/ })).toContainText("0 cards");

    const saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/board/move") && r.request().method() === "POST");
    await mouseDrag(page, handle(page, BIG_DATA), page.getByRole("region", { name: /^In progress/ }));
    expect((await saved).status()).toBe(200);
    await expect(column(page, "In progress")).toContainText(BIG_DATA);
    await expect(column(page, "Open")).not.toContainText(BIG_DATA);
    await expect(page.getByRole("heading", { level: 2, name: /^In progress/ })).toContainText("1 card");

    await page.reload();
    await hydrated(page);
    await expect(column(page, "In progress")).toContainText(BIG_DATA);

    // Back with the keyboard only: focus the handle, Space to lift, arrow to the Open column, Space to drop.
    const back = page.waitForResponse((r) => r.url().endsWith("/api/v1/board/move") && r.request().method() === "POST");
    await handle(page, BIG_DATA).focus();
    await page.keyboard.press("Space");
    await expect(page.locator("#board-live")).toContainText(`Picked up “${BIG_DATA}” from In progress.`);
    await page.keyboard.press("ArrowLeft");
    await expect(page.locator("#board-live")).toContainText("is over Open");
    await page.keyboard.press("Space");
    expect((await back).status()).toBe(200);
    await expect(column(page, "Open")).toContainText(BIG_DATA);
    await expect(page.locator("#board-live")).toContainText(`Dropped “${BIG_DATA}” in Open`);

    // Within a column: the keyboard moves it one place down, and the order survives a reload.
    await page.reload();
    await hydrated(page);
    const titles = async () => (await column(page, "Open").getByRole("button", { name: /^Open “/ }).allTextContents()).map((s) => s.trim());
    const before = await titles();
    const i = before.indexOf(BIG_DATA);
    expect(i).toBeGreaterThanOrEqual(0);
    const target = i === before.length - 1 ? "ArrowUp" : "ArrowDown";
    const within = page.waitForResponse((r) => r.url().endsWith("/api/v1/board/move"));
    await handle(page, BIG_DATA).focus();
    await page.keyboard.press("Space");
    await expect(page.locator("#board-live")).toContainText(`Picked up “${BIG_DATA}” from Open.`);
    await page.keyboard.press(target);
    await expect(page.locator("#board-live")).toContainText(`is over Open, position ${target === "ArrowDown" ? i + 2 : i} of ${before.length}`);
    await page.keyboard.press("Space");
    expect((await within).status()).toBe(200);
    const expected = [...before];
    expected.splice(i, 1);
    expected.splice(target === "ArrowDown" ? i + 1 : i - 1, 0, BIG_DATA);
    await expect.poll(titles).toEqual(expected);
    await page.reload();
    await expect.poll(titles).toEqual(expected);
  });

  test("a stale move gets the conflict message and the board shows the truth", async ({ page, baseURL }) => {
    await page.goto("/board");
    await hydrated(page);
    await expect(column(page, "Open")).toContainText(VISIT);
    // Someone else moves the card to Blocked after this page loaded.
    const card = await findCard(page.request, VISIT);
    expect((await apiMove(page.request, baseURL!, { id: card.id, version: card.version, status: "blocked" })).status()).toBe(200);

    const res = page.waitForResponse((r) => r.url().endsWith("/api/v1/board/move"));
    await handle(page, VISIT).focus();
    await page.keyboard.press("Space");
    // Each step is announced once dnd-kit has measured it; a drop before that lands where it began.
    await expect(page.locator("#board-live")).toContainText(`Picked up “${VISIT}” from Open.`);
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("#board-live")).toContainText("is over In progress");
    await page.keyboard.press("Space");
    expect((await res).status()).toBe(409);
    await expect(page.getByText(/Someone else moved or changed this card \(editor@e2e\.test\)\. The board now shows the latest state\./)).toBeVisible();
    await expect(column(page, "Blocked")).toContainText(VISIT);
    await expect(column(page, "Open")).not.toContainText(VISIT);

    const now = await findCard(page.request, VISIT);
    expect((await apiMove(page.request, baseURL!, { id: now.id, version: now.version, status: "open" })).status()).toBe(200);
  });

  test("filters live in the URL: side, due, and rows by partner", async ({ page }) => {
    await page.goto("/board");
    await page.getByLabel("Who owes it").selectOption("theirs");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/side=theirs/);
    await expect(column(page, "Open")).toContainText(TASK_FORCE);
    await expect(column(page, "Open")).not.toContainText(BIG_DATA);

    await page.getByLabel("Rows").selectOption("partner");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/group=partner/);
    await expect(page.getByRole("heading", { level: 2, name: "Chongqing Municipality" })).toBeVisible();

    await page.goto("/board?due=overdue&priority=urgent");
    await expect(page.getByLabel("Due")).toHaveValue("overdue");
    await expect(page.getByLabel("Priority")).toHaveValue("urgent");
    await expect(column(page, "Open")).toHaveAttribute("aria-label", "Open: 0 cards");
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/board$/);
  });

  test("the side panel edits a card and takes a progress note, with history", async ({ page }) => {
    await page.goto("/board");
    await hydrated(page);
    await page.getByRole("button", { name: `Open “${TASK_FORCE}”` }).click();
    const panel = page.getByRole("dialog", { name: TASK_FORCE });
    await expect(panel).toBeVisible();
    await panel.getByLabel("Priority").selectOption("urgent");
    await panel.getByLabel("Due date").fill("2020-01-15");
    await panel.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await expect(panel.getByRole("region", { name: "History" })).toContainText("priority: High → Urgent");

    await panel.getByLabel("New note").fill("Director Luo has named the task force members.");
    await panel.getByRole("button", { name: "Add note" }).click();
    const notes = panel.getByRole("region", { name: "Comments and progress notes" });
    await expect(notes).toContainText("Director Luo has named the task force members.");
    await expect(notes).toContainText("Eddie Editor");

    await panel.getByLabel("Title").fill("");
    await panel.getByRole("button", { name: "Save changes" }).click();
    await expect(panel.getByText("Required.")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();

    // The card now shows the new priority and that it is overdue, by icon and words, not colour alone.
    const card = column(page, "Open").getByRole("listitem").filter({ hasText: TASK_FORCE });
    await expect(card).toContainText("Urgent");
    await expect(card).toContainText("Overdue: 15 Jan 2020");
    await page.goto("/board?due=overdue");
    await expect(column(page, "Open")).toContainText(TASK_FORCE);
  });

  test("a done card shows when it was completed", async ({ page, baseURL }) => {
    const card = await findCard(page.request, VISIT);
    const done = await apiMove(page.request, baseURL!, { id: card.id, version: card.version, status: "done" });
    expect(done.status()).toBe(200);
    await page.goto("/board");
    await expect(column(page, "Done").getByRole("listitem").filter({ hasText: VISIT })).toContainText(/Completed \d{1,2} \w{3} \d{4}/);
    const now = await findCard(page.request, VISIT);
    expect((await apiMove(page.request, baseURL!, { id: now.id, version: now.version, status: "open" })).status()).toBe(200);
  });
});

test.describe("[BOARD] a viewer reads but cannot move", () => {
  test.use({ role: "viewer" });

  test("no drag handles or edit controls, and the server refuses a forged move with 403", async ({ page, baseURL }) => {
    const card = await findCard(page.request, BIG_DATA);
    await page.goto("/board");
    await hydrated(page);
    await expect(page.getByRole("button", { name: `Open “${BIG_DATA}”` })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Move “/ })).toHaveCount(0);
    await expect(page.getByText("Your role can read the board but not move or edit cards.")).toBeVisible();

    await page.getByRole("button", { name: `Open “${BIG_DATA}”` }).click();
    const panel = page.getByRole("dialog", { name: BIG_DATA });
    await expect(panel.getByRole("region", { name: "Details" })).toContainText("Chongqing Municipality");
    await expect(panel.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(panel.getByLabel("New note")).toHaveCount(0);
    await page.keyboard.press("Escape");

    const r = await apiMove(page.request, baseURL!, { id: card.id, version: card.version, status: card.status === "done" ? "open" : "done" });
    expect(r.status()).toBe(403);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toBeTruthy();
    expect(await findCard(page.request, BIG_DATA)).toEqual(card);
  });
});

test.describe("[BOARD] accessibility and looks", () => {
  for (const locale of ["en", "ko"] as const)
    test(`the board and the partner overview pass axe in ${locale}`, async ({ page, context, baseURL }) => {
      test.slow();
      await context.addCookies([{ name: "bh_locale", value: locale, url: baseURL! }]);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto("/board");
      await hydrated(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "ko" ? "현황판" : "Status board");
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `test-results/screens/board-${locale}.png`, fullPage: true });
      await page.goto("/board/partners");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "ko" ? "교류 지역 개요" : "Partner overview");
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `test-results/screens/board-partners-${locale}.png`, fullPage: true });
    });

  test("at 375 px the page does not scroll sideways (the columns do) and passes axe", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto("/board");
    await hydrated(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/board-mobile.png", fullPage: true });
  });

  test("the side panel passes axe", async ({ page }) => {
    await page.goto("/board");
    await hydrated(page);
    await page.getByRole("button", { name: `Open “${BIG_DATA}”` }).click();
    await expect(page.getByRole("dialog", { name: BIG_DATA }).getByRole("region", { name: "History" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/board-panel.png" });
  });
});
