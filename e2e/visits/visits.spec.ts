import type { Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

// Other specs share the seeded database: every visit made here has a title of its own, and
// assertions look inside that visit's page only.
test.use({ timezoneId: "Europe/London" });
test.describe.configure({ timeout: 120_000 });

const TANG = "Tang Liangzhi (唐良智)";

async function planDelegation(page: Page, title: string): Promise<string> {
  await page.goto("/visits/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Direction").selectOption({ label: "Incoming (delegation to us)" });
  await page.getByLabel("Partner 1").selectOption({ label: "Chongqing Municipality" });

  await page.getByRole("button", { name: "Add member" }).click();
  const member = page.getByRole("group", { name: "Member 1" });
  await member.getByLabel("Person").selectOption({ label: TANG });
  await member.getByLabel("Role").selectOption({ label: "Head of delegation" });
  await member.getByLabel("Title held on the visit").fill("Mayor of Chongqing");

  const items: [string, string, string, string, string][] = [
    ["Welcome meeting", "meeting", "2027-05-12", "10:00", "11:30"],
    ["Welcome lunch", "meal", "2027-05-12", "11:00", "12:30"],
    ["Pangyo Techno Valley", "site_visit", "2027-05-13", "10:00", "12:00"],
    ["SK Hynix", "site_visit", "2027-05-14", "10:00", "12:00"],
  ];
  for (const [i, [what, kind, date, start, end]] of items.entries()) {
    await page.getByRole("button", { name: "Add programme item" }).click();
    const row = page.getByRole("group", { name: `Programme item ${i + 1}` });
    await row.getByLabel("What").fill(what);
    await row.getByLabel("Kind").selectOption(kind);
    await expect(row.getByLabel("Time zone")).toHaveValue("Asia/Seoul");
    await row.getByLabel("Date", { exact: true }).fill(date);
    await row.getByLabel("Starts at").fill(start);
    await row.getByLabel("Ends at").fill(end);
    await row.getByRole("checkbox", { name: TANG }).check();
  }

  await page.getByRole("button", { name: "Add travel leg" }).click();
  const leg = page.getByRole("group", { name: "Travel leg 1" });
  await leg.getByLabel("Who travels").selectOption({ label: TANG });
  await leg.getByLabel("Flight or train number").fill("CQ 1");
  await leg.getByLabel("From", { exact: true }).fill("Chongqing");
  await leg.getByLabel("Departure zone").selectOption("Asia/Shanghai");
  await leg.getByLabel("Departure date").fill("2027-05-12");
  await leg.getByLabel("Departure time").fill("02:00");
  await leg.getByLabel("To", { exact: true }).fill("Incheon");
  await leg.getByLabel("Arrival date").fill("2027-05-12");
  await leg.getByLabel("Arrival time").fill("06:40");

  for (const [i, task] of ["Invitation sent", "Visas issued"].entries()) {
    await page.getByRole("button", { name: "Add checklist item" }).click();
    await page.getByRole("group", { name: `Checklist item ${i + 1}` }).getByLabel("Task", { exact: true }).fill(task);
  }
  await page.getByRole("button", { name: "Save visit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url();
}

test.describe("[VISITS] an editor plans a delegation", () => {
  test("three programme days in Asia/Seoul, a flight read in both zones, the overlap flagged, the checklist ticked", async ({ page }) => {
    const title = `Chongqing delegation ${Date.now()}`;
    await planDelegation(page, title);
    const programme = page.locator("#programme-h").locator("xpath=../..");
    await expect(programme.getByRole("heading", { level: 3 })).toHaveText(["12 May 2027", "13 May 2027", "14 May 2027"]);
    // Shown in the place's zone and, below, in the viewer's (London).
    await expect(programme.getByText("12 May 2027, 10:00 (UTC+09:00, Asia/Seoul)")).toBeVisible();
    await expect(programme.getByText("Your time: 12 May 2027, 02:00 (UTC+01:00, Europe/London)")).toBeVisible();
    const legs = page.locator("#legs-h").locator("xpath=../..");
    await expect(legs.getByText("12 May 2027, 02:00 (UTC+08:00, Asia/Shanghai)")).toBeVisible();
    await expect(legs.getByText("12 May 2027, 06:40 (UTC+09:00, Asia/Seoul)")).toBeVisible();
    const conflicts = page.locator("#conflicts-h").locator("xpath=../..");
    await expect(conflicts.getByText(`${TANG} is due at “Welcome meeting” and “Welcome lunch” at the same time.`)).toBeVisible();

    const invitation = page.getByRole("checkbox", { name: /Invitation sent/ });
    await invitation.check();
    await expect(invitation).toBeChecked();
    await expect(invitation).toBeEnabled();
    const visas = page.getByRole("checkbox", { name: /Visas issued/ });
    await visas.check();
    await expect(visas).toBeEnabled();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: /Invitation sent/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /Visas issued/ })).toBeChecked();
  });

  test("turns a programme item into a held meeting, linked both ways and kept through an edit", async ({ page }) => {
    const title = `Delegation with a meeting ${Date.now()}`;
    const url = await planDelegation(page, title);
    await page.getByRole("button", { name: "Record as held meeting: Welcome meeting" }).click();
    const link = page.getByRole("link", { name: "Held as meeting: Welcome meeting" });
    await expect(link).toBeVisible();
    await page.getByRole("link", { name: "Edit visit" }).click();
    await page.getByRole("group", { name: "Programme item 1" }).getByLabel("Place").fill("Gyeonggi Provincial Office");
    await page.getByRole("button", { name: "Save visit" }).click();
    await expect(page).toHaveURL(url);
    await page.getByRole("link", { name: "Held as meeting: Welcome meeting" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Welcome meeting" })).toBeVisible();
    await page.getByRole("link", { name: `Part of the visit ${title}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  });

  test("a checklist item of ours is a card on the board: moved to Done there, it is ticked on the visit page", async ({ page }) => {
    const title = `Delegation on the board ${Date.now()}`;
    const url = await planDelegation(page, title);
    await page.goto("/board?partner=chongqing&side=ours");
    await expect(page.locator("[data-board]")).toHaveAttribute("data-hydrated", "true");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Visit checklist: ${title}` }) }).filter({ hasText: "Invitation sent" });
    await expect(card).toBeVisible();
    await card.getByRole("button", { name: "Move “Invitation sent”" }).focus();
    await page.keyboard.press("Space");
    await expect(page.locator("#board-live")).toContainText("Picked up “Invitation sent” from Open.");
    for (const over of ["In progress", "Blocked", "Done"]) {
      await page.keyboard.press("ArrowRight");
      await expect(page.locator("#board-live")).toContainText(`is over ${over}`);
    }
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/v1/board/move"));
    await page.keyboard.press("Space");
    expect((await saved).status()).toBe(200);
    const done = page.getByRole("list", { name: /^Done:/ }).getByRole("listitem").filter({ has: page.getByRole("link", { name: `Visit checklist: ${title}` }) });
    await expect(done).toContainText(/Completed \d{1,2} \w{3} \d{4}/);
    await done.getByRole("link", { name: `Visit checklist: ${title}` }).click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("checkbox", { name: /Invitation sent/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /Visas issued/ })).not.toBeChecked();
  });

  test("a save with a bad time saves nothing and says which field", async ({ page }) => {
    await page.goto("/visits/new");
    await page.getByLabel("Title", { exact: true }).fill(`Never saved ${Date.now()}`);
    await page.getByLabel("Partner 1").selectOption({ label: "Chongqing Municipality" });
    await page.getByRole("button", { name: "Add programme item" }).click();
    const row = page.getByRole("group", { name: "Programme item 1" });
    await row.getByLabel("What").fill("Dinner");
    await row.getByLabel("Date", { exact: true }).fill("2027-05-12");
    await row.getByLabel("Starts at").fill("19:00");
    await row.getByLabel("Ends at").fill("18:00");
    await page.getByRole("button", { name: "Save visit" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Some fields need attention. Nothing was saved." })).toBeVisible();
    await expect(row.getByLabel("Ends at")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/visits\/new$/);
  });
});

test.describe("[VISITS] the demo visits", () => {
  test("the governor's Chongqing visit holds the 27 November meeting at 15:00 Asia/Shanghai with Director General Lim", async ({ page }) => {
    await page.goto("/visits?direction=outgoing&status=completed");
    await page.getByRole("link", { name: "Governor Lee Jae-myung's visit to Chongqing" }).click();
    await expect(page.getByText("27 Nov 2019, 15:00 (UTC+08:00, Asia/Shanghai)")).toBeVisible();
    await expect(page.getByText("Lim Mun-yeong", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Held as meeting: Governor Lee Jae-myung meets Mayor Tang Liangzhi/ })).toBeVisible();
  });
});

test.describe("[VISITS] search", () => {
  test("the shell's search finds a visit by a delegation member's Hangul name, the results page by the partner's", async ({ page }) => {
    const governor = "Governor Lee Jae-myung's visit to Chongqing";
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "Search everything" });
    await expect(box).toHaveAttribute("data-ready", "true");
    await box.fill("임문영");
    await page.getByRole("listbox").getByRole("group", { name: "Visits" }).getByRole("option", { name: new RegExp(governor) }).click();
    await expect(page.getByRole("heading", { level: 1, name: governor })).toBeVisible();
    for (const q of ["충칭", "重庆", "chongqing"]) {
      await page.goto(`/search?q=${encodeURIComponent(q)}`);
      await expect(page.getByRole("region", { name: /^Visits/ }).getByRole("link", { name: governor })).toBeVisible();
    }
  });
});

test.describe("[VISITS] keyboard, axe and narrow screens", () => {
  test("the list's filters work by keyboard and stay in the URL", async ({ page }) => {
    await page.goto("/visits");
    await page.getByLabel("Direction").focus();
    await page.keyboard.type("Inc");
    await page.getByLabel("When").focus();
    await page.keyboard.type("Up");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Apply filters" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/direction=incoming/);
    await expect(page).toHaveURL(/period=upcoming/);
    await expect(page.getByRole("link", { name: "Chongqing delegation to Gyeonggi Province, led by Mayor Tang Liangzhi" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Governor Lee Jae-myung's visit to Chongqing" })).toHaveCount(0);
  });

  test("a checklist item ticks with the space bar", async ({ page }) => {
    await page.goto("/visits?direction=incoming&q=led+by+Mayor+Tang");
    await page.getByRole("link", { name: "Chongqing delegation to Gyeonggi Province, led by Mayor Tang Liangzhi" }).click();
    const box = page.getByRole("checkbox", { name: /Cooperate closely with Chongqing's task force/ });
    const was = await box.isChecked();
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked({ checked: !was });
  });

  for (const locale of ["en", "ko"] as const)
    test(`/visits, a visit and the form pass axe in ${locale}`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: "bh_locale", value: locale, url: baseURL! }]);
      for (const p of ["/visits", "/visits/1", "/visits/2", "/visits/2/edit", "/visits/new"]) {
        await page.goto(p);
        await expect(page.locator("h1")).toHaveCount(1);
        await expectNoSeriousAxeViolations(page);
      }
    });

  test.describe("at 375 px", () => {
    test.use({ viewport: { width: 375, height: 812 } });
    for (const p of ["/visits", "/visits/1", "/visits/2/edit"])
      test(`${p} fits without sideways scrolling`, async ({ page }) => {
        await page.goto(p);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectNoSeriousAxeViolations(page);
        await page.screenshot({ path: `test-results/screens/mobile${p.replaceAll("/", "-")}.png`, fullPage: true });
      });
  });
});

test.describe("[VISITS] a viewer", () => {
  test.use({ role: "viewer" });
  test("reads a visit and changes nothing: no edit link, no new visit, the checklist cannot be ticked", async ({ page }) => {
    await page.goto("/visits");
    await expect(page.getByRole("link", { name: "New visit" })).toHaveCount(0);
    await page.getByRole("link", { name: "Chongqing delegation to Gyeonggi Province, led by Mayor Tang Liangzhi" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit visit" })).toHaveCount(0);
    for (const box of await page.getByRole("checkbox").all()) await expect(box).toBeDisabled();
    expect((await page.goto("/visits/new"))?.status()).toBe(403);
  });
});
