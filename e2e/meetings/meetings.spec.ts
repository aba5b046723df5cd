import type { Locator, Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";
import { USERS } from "../fixtures/users";

const TITLE = "Pangyo and big data: second record of the Chongqing meeting";
const SUMMARY = "Governor and Mayor met in 重庆 (충칭) and opened a new door for exchange.";

test.use({ timezoneId: "Asia/Seoul" });
// The logging flows type a whole meeting; on a shared CI machine that takes longer than 30 s.
test.describe.configure({ timeout: 120_000 });

/** Presses Tab until the target has focus: proves it is reachable by keyboard alone. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("Not reachable by Tab");
}

/** Chooses the first option whose text matches (option labels carry names, scripts and titles). */
async function pick(select: Locator, text: RegExp) {
  const value = await select.locator("option").filter({ hasText: text }).first().getAttribute("value");
  await select.selectOption(value);
}

async function search(page: Page, q: string) {
  await page.goto(`/meetings?q=${encodeURIComponent(q)}`);
  await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(q);
}

test.describe.serial("[MEETINGS] logging a meeting", () => {
  test("editor logs the 27 Nov 2019 Chongqing meeting in one form and finds it by Pangyo and 重庆", async ({ page }) => {
    await search(page, "重庆");
    await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
    await search(page, "Pangyo");
    await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);

    await page.goto("/meetings");
    await page.getByRole("link", { name: "New meeting" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();

    await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Chongqing Municipality" });
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Shanghai");
    await page.getByLabel("Title", { exact: true }).fill(TITLE);
    await page.getByLabel("Date and time", { exact: true }).fill("2019-11-27 15:00");
    await expect(page.getByTestId("in-your-zone")).toHaveText("= 27 Nov 2019, 16:00 (UTC+09:00, Asia/Seoul) in your zone");
    await page.getByLabel("Duration (minutes)", { exact: true }).fill("60");
    await page.getByLabel("Attendees (approx.)", { exact: true }).fill("30");
    await page.getByLabel("Venue", { exact: true }).fill("Chongqing Municipal Government");
    await page.getByLabel("City", { exact: true }).fill("Chongqing");
    await page.getByLabel("What was said", { exact: true }).fill(SUMMARY);
    await page.getByLabel("What was agreed", { exact: true }).fill("Big-data cooperation; a delegation visit to Pangyo Techno Valley.");

    const p1 = page.getByRole("group", { name: "Participant 1" });
    await pick(p1.getByLabel("Person", { exact: true }), /Lee Jae-myung/);
    await p1.getByLabel("Role", { exact: true }).selectOption("lead");
    const p2 = page.getByRole("group", { name: "Participant 2" });
    await pick(p2.getByLabel("Person", { exact: true }), /Tang Liangzhi/);
    await page.getByRole("button", { name: "Add participant" }).click();
    const p3 = page.getByRole("group", { name: "Participant 3" });
    await p3.getByLabel("Person", { exact: true }).selectOption({ label: "+ Add a new person" });
    await p3.getByLabel("Name (English)", { exact: true }).fill("Zhang Wei");
    await p3.getByLabel("Name (local script)", { exact: true }).fill("张伟");
    await p3.getByLabel("Side", { exact: true }).selectOption("partner");
    await p3.getByLabel("Title held that day", { exact: true }).fill("Deputy Director, Foreign Affairs Office");

    const gifts = [
      { direction: "given", item: "White porcelain moon jar", value: "300000", from: /participant 1$/, to: /participant 2$/ },
      { direction: "received", item: "Shu embroidery screen", value: "150000", from: /participant 2$/, to: /participant 1$/ },
      { direction: "received", item: "Chongqing tea set", value: "", from: /^Zhang Wei — participant 3$/, to: /participant 1$/ },
    ];
    for (const [i, g] of gifts.entries()) {
      await page.getByRole("button", { name: "Add gift" }).click();
      const row = page.getByRole("group", { name: `Gift ${i + 1}` });
      await expect(row.getByLabel("Direction", { exact: true })).toBeFocused();
      await row.getByLabel("Direction", { exact: true }).selectOption(g.direction);
      await row.getByLabel("Item", { exact: true }).fill(g.item);
      await pick(row.getByLabel("From", { exact: true }), g.from);
      await pick(row.getByLabel("To", { exact: true }), g.to);
      if (g.value) await row.getByLabel("Estimated value", { exact: true }).fill(g.value);
      else await row.getByLabel("Value unknown: to be valued", { exact: true }).check();
    }
    await expect(page.getByRole("group", { name: "Gift 2" }).getByText("must be reported without delay and handed over within 30 days")).toBeVisible();
    await expect(page.getByRole("group", { name: "Gift 1" }).getByText("Declaration required")).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Gift 3" }).getByText("Declaration required")).toHaveCount(0);
    await page.getByRole("group", { name: "Gift 2" }).getByLabel("Estimated value", { exact: true }).fill("99000");
    await expect(page.getByRole("group", { name: "Gift 2" }).getByText("Declaration required")).toHaveCount(0);
    await page.getByRole("group", { name: "Gift 2" }).getByLabel("Estimated value", { exact: true }).fill("150000");
    await page.getByRole("group", { name: "Gift 2" }).getByLabel("Declared on", { exact: true }).fill("2019-11-28");

    const actions = [
      { title: "Set up the big-data working group", side: "ours", owner: /participant 1$/ },
      { title: "Organise a task force for the delegation's visit", side: "theirs", owner: /^Zhang Wei — participant 3$/ },
      { title: "Prepare the Pangyo Techno Valley programme", side: "ours", owner: null },
    ];
    for (const [i, a] of actions.entries()) {
      await page.getByRole("button", { name: "Add follow-up" }).click();
      const row = page.getByRole("group", { name: `Follow-up ${i + 1}` });
      await row.getByLabel("What is to be done", { exact: true }).fill(a.title);
      await row.getByLabel("Owed by", { exact: true }).selectOption(a.side);
      if (a.owner) await pick(row.getByLabel("Owner", { exact: true }), a.owner);
      await row.getByLabel("Due date", { exact: true }).fill("2020-01-31");
    }
    await page.screenshot({ path: "test-results/screens/meeting-form-filled-en.png", fullPage: true });

    await page.getByRole("button", { name: "Save meeting" }).click();
    // Saving goes to the new meeting's own page.
    await expect(page).toHaveURL(/\/meetings\/\d+$/);
    await expect(page.getByRole("status").filter({ hasText: `Meeting “${TITLE}” saved.` })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText("27 Nov 2019, 15:00 (UTC+08:00, Asia/Shanghai)")).toBeVisible();
    await expect(page.getByRole("region", { name: "Who took part" })).toContainText("Zhang Wei");
    await expect(page.getByRole("region", { name: "Gifts" }).getByRole("listitem")).toHaveCount(3);
    await expect(page.getByRole("region", { name: "Follow-up actions" }).getByRole("listitem")).toHaveCount(3);
    await page.screenshot({ path: "test-results/screens/meeting-logged-en.png", fullPage: true });

    await search(page, "Pangyo");
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
    await search(page, "重庆");
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/meetings-search-zh.png", fullPage: true });
  });

  test("editor edits it: the form comes back in the meeting's own zone and saves", async ({ page }) => {
    await search(page, "Pangyo");
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("link", { name: "Edit" }).click();
    await expect(page.getByLabel("Date and time", { exact: true })).toHaveValue("2019-11-27 15:00");
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Shanghai");
    await expect(page.getByRole("group", { name: "Participant 3" }).getByLabel("Person", { exact: true })).toHaveValue(/\d+/);
    await expect(page.getByRole("group", { name: "Gift 3" }).getByLabel("Value unknown: to be valued", { exact: true })).toBeChecked();
    await page.getByLabel("Notes", { exact: true }).fill("Minutes checked by the protocol office.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByRole("region", { name: "Notes" })).toContainText("Minutes checked by the protocol office.");
    await expect(page.getByRole("region", { name: "Gifts" }).getByRole("listitem")).toHaveCount(3);
  });

  test("a stale edit shows who changed it first and what, and keeps what I typed", async ({ page, context }) => {
    await search(page, "Pangyo");
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page).toHaveURL(/\/meetings\/\d+$/);
    const editUrl = page.url() + "/edit";
    await page.goto(editUrl);
    const other = await context.newPage();
    await other.goto(editUrl);
    await other.getByLabel("Venue", { exact: true }).fill("Chongqing Guest House");
    await other.getByRole("button", { name: "Save changes" }).click();
    await expect(other.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

    const mine = "My own notes, typed while someone else was saving.";
    await page.getByLabel("Notes", { exact: true }).fill(mine);
    await page.getByRole("button", { name: "Save changes" }).click();
    const notice = page.getByRole("alert").filter({ hasText: "saved this record after you opened it" });
    await expect(notice).toContainText(`${USERS.editor.email} saved this record after you opened it.`);
    await expect(notice).toContainText("Venue: Chongqing Guest House");
    await expect(page.getByLabel("Notes", { exact: true })).toHaveValue(mine);
    await page.screenshot({ path: "test-results/screens/meeting-conflict-en.png", fullPage: true });

    await notice.getByRole("button", { name: "Load their version of these fields" }).click();
    await expect(page.getByLabel("Venue", { exact: true })).toHaveValue("Chongqing Guest House");
    await page.getByLabel("Notes", { exact: true }).fill(mine);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("region", { name: "Notes" })).toContainText(mine);
    await expect(page.getByText("Chongqing Guest House, Chongqing", { exact: true })).toBeVisible();
  });

  test("archive from the meeting page, then undo from the toast", async ({ page }) => {
    await search(page, "Pangyo");
    await page.getByRole("link", { name: TITLE }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    const detail = page.url();
    await page.getByRole("button", { name: "Archive" }).click();
    const toast = page.getByRole("status").filter({ hasText: "Meeting archived" });
    await expect(toast).toBeVisible();
    // The badge by the title; the History below now names the change "Archived" too, as a field.
    await expect(page.getByText("Archived", { exact: true }).and(page.locator("span"))).toBeVisible();
    await expect(page.getByRole("region", { name: "History" }).getByRole("listitem").first().locator("dt")).toHaveText(["Archived"]);
    await search(page, "Pangyo");
    await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
    await page.goto(detail);
    await page.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Meeting restored" })).toBeVisible();
    await page.getByRole("button", { name: "Archive" }).click();
    await page.getByRole("status").filter({ hasText: "Meeting archived" }).getByRole("button", { name: "Undo" }).last().click();
    await expect(page.getByRole("status").filter({ hasText: "Meeting restored" }).getByText("Meeting restored").last()).toBeVisible();
    await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();
    await search(page, "Pangyo");
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
  });
});

test.describe("[MEETINGS] the form by keyboard, with bad input and unsaved changes", () => {
  test("a meeting can be logged by keyboard alone", async ({ page }) => {
    await page.goto("/meetings/new?partner=jilin");
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Shanghai");
    await tabTo(page, page.getByLabel("Title", { exact: true }));
    await page.keyboard.type("Keyboard-only video call with Jilin");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("Kind", { exact: true })).toHaveValue("video_call");
    await tabTo(page, page.getByLabel("Date and time", { exact: true }));
    await page.keyboard.press("Control+A");
    await page.keyboard.type("2020-03-02 09:30");
    await expect(page.getByTestId("in-your-zone")).toContainText("10:30 (UTC+09:00, Asia/Seoul) in your zone");
    await tabTo(page, page.getByRole("group", { name: "Participant 1" }).getByLabel("Person", { exact: true }));
    await page.keyboard.press("ArrowDown");
    await tabTo(page, page.getByRole("button", { name: "Remove participant 2" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("group", { name: "Participant 2" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add participant" })).toBeFocused();
    await tabTo(page, page.getByRole("button", { name: "Add follow-up" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("group", { name: "Follow-up 1" }).getByLabel("What is to be done", { exact: true })).toBeFocused();
    await page.keyboard.type("Send the call notes to Jilin");
    await tabTo(page, page.getByRole("button", { name: "Save meeting" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/meetings\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Keyboard-only video call with Jilin" })).toBeVisible();
  });

  test("bad input shows errors next to the fields and saves nothing", async ({ page }) => {
    await page.goto("/meetings/new?partner=chongqing");
    await page.getByLabel("Title", { exact: true }).fill("Meeting that must not be saved");
    await page.getByLabel("Date and time", { exact: true }).fill("2019-11-27 15:00");
    await page.getByLabel("Time zone", { exact: true }).fill("Mars/Olympus");
    await page.getByLabel("Attendees (approx.)", { exact: true }).fill("-3");
    const p1 = page.getByRole("group", { name: "Participant 1" });
    await p1.getByLabel("Person", { exact: true }).selectOption({ label: "+ Add a new person" });
    await p1.getByLabel("Organisation", { exact: true }).fill("Chongqing Foreign Affairs Office");
    await page.getByRole("button", { name: "Add gift" }).click();
    await page.getByRole("group", { name: "Gift 1" }).getByLabel("Estimated value", { exact: true }).fill("5000");
    await page.getByRole("group", { name: "Gift 1" }).getByLabel("Currency", { exact: true }).fill("");
    await page.getByRole("button", { name: "Save meeting" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toBeVisible();
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveAccessibleDescription(/Unknown time zone/);
    await expect(page.getByLabel("Attendees (approx.)", { exact: true })).toHaveAccessibleDescription("Enter zero or more.");
    await expect(p1.getByLabel("Name (English)", { exact: true })).toHaveAccessibleDescription("Enter the person's name in English.");
    await expect(page.getByRole("group", { name: "Gift 1" }).getByLabel("Item", { exact: true })).toHaveAccessibleDescription("Name the gift.");
    // The second participant row was never filled in: it is left out, not an error.
    await expect(page.getByRole("group", { name: "Participant 2" }).getByLabel("Person", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    // The summary links to each field, and following a link puts the cursor there.
    const summary = page.getByRole("alert").filter({ hasText: "Nothing was saved" });
    await expect(summary).toContainText("5 fields need attention.");
    await summary.getByRole("link", { name: "Gift 1: Item" }).click();
    await expect(page.getByRole("group", { name: "Gift 1" }).getByLabel("Item", { exact: true })).toBeFocused();
    await expect(page.getByRole("group", { name: "Gift 1" }).getByLabel("Currency", { exact: true })).toHaveAccessibleDescription(/currency/);
    await page.screenshot({ path: "test-results/screens/meeting-form-errors-en.png", fullPage: true });
    await expect(page).toHaveURL(/\/meetings\/new/);

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("navigation").getByRole("link", { name: "Meetings" }).first().click();
    await expect(page).toHaveURL(/\/meetings$/);
    await search(page, "must not be saved");
    await expect(page.getByText("No meeting matches this search")).toBeVisible();
  });

  test("in Korean, errors read in Korean", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.goto("/meetings/new");
    await page.getByRole("button", { name: "회의 저장" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "저장되지 않았습니다" })).toBeVisible();
    await expect(page.getByLabel("제목", { exact: true })).toHaveAccessibleDescription("제목을 입력하세요.");
    await expect(page.getByLabel("교류 지역", { exact: true })).toHaveAccessibleDescription("파트너를 고르세요.");
    await page.screenshot({ path: "test-results/screens/meeting-form-errors-ko.png", fullPage: true });
  });

  test("leaving with unsaved changes asks first", async ({ page }) => {
    await page.goto("/meetings/new");
    await page.getByLabel("Title", { exact: true }).fill("Half-typed");
    let asked = false;
    page.once("dialog", (d) => {
      asked = true;
      void d.dismiss();
    });
    await page.getByRole("link", { name: "Cancel" }).click();
    await expect.poll(() => asked).toBe(true);
    await expect(page).toHaveURL(/\/meetings\/new/);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Half-typed");
  });
});

test.describe("[MEETINGS] the list", () => {
  test("filters, sort and page live in the URL and survive a reload", async ({ page }) => {
    await page.goto("/meetings");
    // Before hydration the filters are a plain GET form: a change submits nothing until then.
    await expect(page.getByRole("search")).toHaveAttribute("data-ready", "true");
    await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Chongqing Municipality" });
    await expect(page).toHaveURL(/partner=chongqing/);
    await page.getByLabel("Sort by", { exact: true }).selectOption("starts_asc");
    await expect(page).toHaveURL(/sort=starts_asc/);
    await page.getByLabel("From", { exact: true }).fill("2019-01-01");
    await page.getByLabel("To", { exact: true }).fill("2019-12-31");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page).toHaveURL(/from=2019-01-01/);
    await expect(page.getByRole("link", { name: /Governor Lee Jae-myung meets Mayor Tang Liangzhi/ })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Partner", { exact: true })).toHaveValue("chongqing");
    await expect(page.getByLabel("Sort by", { exact: true })).toHaveValue("starts_asc");
    await page.getByLabel("To", { exact: true }).fill("2018-12-31");
    await page.getByLabel("From", { exact: true }).fill("2018-01-01");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByText("No meeting matches this search")).toBeVisible();
  });

  for (const [name, locale, width] of [
    ["en", "en", 1280],
    ["ko", "ko", 1280],
    ["375", "en", 375],
  ] as const)
    test(`list and form pass axe (${name})`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "bh_locale", value: locale, url: baseURL! }]);
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/meetings");
      await expect(page.getByRole("table")).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `test-results/screens/meetings-list-${name}.png`, fullPage: true });
      await page.goto("/meetings/new?partner=chongqing");
      await page.getByRole("button", { name: locale === "ko" ? "선물 추가" : "Add gift" }).click();
      await page.getByRole("button", { name: locale === "ko" ? "후속조치 추가" : "Add follow-up" }).click();
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `test-results/screens/meeting-form-${name}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
});

test.describe("[MEETINGS] viewers", () => {
  test.use({ role: "viewer" });
  test("a viewer sees no New or Edit controls, and the form is a 403 page", async ({ page }) => {
    await page.goto("/meetings");
    await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New meeting" })).toHaveCount(0);
    await page.getByRole("link", { name: /Governor Lee Jae-myung meets Mayor Tang Liangzhi/ }).click();
    await expect(page).toHaveURL(/\/meetings\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("a new door for economic exchange");
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
    const id = /\/meetings\/(\d+)/.exec(page.url())![1];
    const r = await page.goto("/meetings/new");
    expect(r?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    expect((await page.goto(`/meetings/${id}/edit`))?.status()).toBe(403);
  });
});
