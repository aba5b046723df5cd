import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { ADMIN, INSTANCES, type InstanceName } from "./fixtures/instances";

// One office's day on PostgreSQL through two instances of the app on one database, alternating
// between them step by step: what one instance wrote, the other must read. Nothing is kept in
// either process: the session, the meeting, the search index, the board and the audit trail are
// all in the database.
const TITLE = "Two instances: the 27 Nov 2019 meeting in Chongqing, recorded again";
const SUMMARY = "Governor and Mayor met in 重庆 (충칭) and opened a new door for exchange.";
const FOLLOW_UP = "Share big-data information with Chongqing (recorded through instance B)";

const at = (name: InstanceName, path: string) => `${INSTANCES[name].url}${path}`;

test.describe.configure({ mode: "serial", timeout: 90_000 });

let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ timezoneId: "Asia/Seoul" });
  page = await context.newPage();
});
test.afterAll(async () => {
  await context.close();
});

async function search(name: InstanceName, q: string): Promise<Locator> {
  await page.goto(at(name, `/meetings?q=${encodeURIComponent(q)}`));
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(q);
  return page.getByRole("link", { name: TITLE });
}

async function openBoard(name: InstanceName) {
  await page.goto(at(name, "/board?partner=chongqing"));
  await expect(page.locator("[data-board]")).toHaveAttribute("data-hydrated", "true");
}

const column = (name: string) => page.getByRole("list", { name: new RegExp(`^${name}:`) });

test.describe("[PG] two instances on one PostgreSQL database", () => {
  test("A: the admin signs in through the form", async () => {
    await page.goto(at("A", "/login"));
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(at("A", "/"));
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  });

  test("B: the session made on A is valid here, and a Chongqing meeting is logged", async () => {
    // B has never seen this browser: it can only know the session from the database.
    await page.goto(at("B", "/"));
    await expect(page).toHaveURL(at("B", "/"));
    await expect(page.getByText(`Signed in as ${ADMIN.email}`)).toBeVisible();
    await expect(await search("B", "重庆")).toHaveCount(0);
    await page.goto(at("B", "/meetings/new"));
    await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();
    await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Chongqing Municipality" });
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Shanghai");
    await page.getByLabel("Title", { exact: true }).fill(TITLE);
    await page.getByLabel("Date and time", { exact: true }).fill("2019-11-27 15:00");
    await page.getByLabel("City", { exact: true }).fill("Chongqing");
    await page.getByLabel("What was said", { exact: true }).fill(SUMMARY);
    const p1 = page.getByRole("group", { name: "Participant 1" });
    const person = p1.getByLabel("Person", { exact: true });
    await person.selectOption(await person.locator("option").filter({ hasText: /Tang Liangzhi/ }).first().getAttribute("value"));
    await p1.getByLabel("Role", { exact: true }).selectOption("lead");
    await page.getByRole("button", { name: "Add follow-up" }).click();
    const f1 = page.getByRole("group", { name: "Follow-up 1" });
    await f1.getByLabel("What is to be done", { exact: true }).fill(FOLLOW_UP);
    await f1.getByLabel("Owed by", { exact: true }).selectOption("ours");
    await page.getByRole("button", { name: "Save meeting" }).click();
    await expect(page).toHaveURL(new RegExp(`^${at("B", "/meetings/")}\\d+$`));
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText("27 Nov 2019, 15:00 (UTC+08:00, Asia/Shanghai)")).toBeVisible();
    await expect(page.getByRole("region", { name: "Who took part" })).toContainText("Tang Liangzhi");
    await expect(page.getByRole("region", { name: "Follow-up actions" })).toContainText(FOLLOW_UP);
  });

  test("A finds it by 重庆, B by 충칭", async () => {
    const onA = await search("A", "重庆");
    await expect(onA).toBeVisible();
    await onA.click();
    await expect(page.getByRole("region", { name: "Who took part" })).toContainText("Tang Liangzhi");
    await expect(await search("B", "충칭")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/pg-search-ko-script.png", fullPage: true });
  });

  test("A moves its follow-up card to In progress; B's board shows it there", async () => {
    await openBoard("B");
    await expect(column("Open")).toContainText(FOLLOW_UP);
    await openBoard("A");
    const moved = page.waitForResponse((r) => r.url() === at("A", "/api/v1/board/move") && r.request().method() === "POST");
    await page.getByRole("button", { name: `Move “${FOLLOW_UP}”` }).focus();
    await page.keyboard.press("Space");
    await expect(page.locator("#board-live")).toContainText(`Picked up “${FOLLOW_UP}” from Open.`);
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("#board-live")).toContainText("is over In progress");
    await page.keyboard.press("Space");
    expect((await moved).status()).toBe(200);
    await expect(column("In progress")).toContainText(FOLLOW_UP);
    await openBoard("B");
    await expect(column("In progress")).toContainText(FOLLOW_UP);
    await expect(column("Open")).not.toContainText(FOLLOW_UP);
  });

  test("A exports the meetings as CSV and the new meeting is in it", async () => {
    await page.goto(at("A", "/reports"));
    await page.getByRole("radio", { name: /^Meetings/ }).check();
    await page.getByRole("checkbox", { name: "Chongqing Municipality" }).check();
    await page.getByRole("radio", { name: /^CSV/ }).check();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
    const text = fs.readFileSync(await download.path(), "utf8");
    const rows = parse<Record<string, string>>(text, { bom: true, columns: true });
    const row = rows.find((r) => r.Title === TITLE);
    expect(row, `${TITLE} in ${rows.map((r) => r.Title).join(" | ")}`).toBeDefined();
    expect(row!["Starts (ISO 8601, local time)"]).toBe("2019-11-27T15:00:00+08:00");
    expect(row!["Time zone"]).toBe("Asia/Shanghai");
    expect(row!.Summary).toBe(SUMMARY);
    // The demo data's own record of that meeting is exported beside it.
    expect(rows.filter((r) => r["Starts (ISO 8601, local time)"] === "2019-11-27T15:00:00+08:00").length).toBeGreaterThanOrEqual(2);
  });

  test("B's audit trail holds the meeting's creation and the card's move, both by the admin", async () => {
    await page.goto(at("B", "/admin/audit?type=meeting&event=create"));
    const created = page.getByRole("table", { name: "Audit trail" }).getByRole("row").filter({ hasText: TITLE });
    await expect(created).toHaveCount(1);
    await expect(created).toContainText(ADMIN.email);
    await page.goto(at("B", "/admin/audit?type=action&event=move"));
    const move = page.getByRole("table", { name: "Audit trail" }).getByRole("row").filter({ hasText: FOLLOW_UP });
    await expect(move).toHaveCount(1);
    await expect(move).toContainText(ADMIN.email);
    await expect(move).toContainText("In progress");
    await page.screenshot({ path: "test-results/screens/pg-audit-move.png", fullPage: true });
  });

  test("B signs out, and A no longer accepts the session even when the old cookie is sent", async () => {
    const cookies = await context.cookies();
    await page.goto(at("B", "/"));
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    // A replayed cookie is refused only because the session row is gone from the database.
    await context.addCookies(cookies);
    await page.goto(at("A", "/meetings"));
    await expect(page).toHaveURL(new RegExp(`^${at("A", "/login")}`));
  });
});
