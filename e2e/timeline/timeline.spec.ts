import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

test.use({ role: "viewer" });

const MEETING = /Meeting · 27 Nov 2019, 15:00 · Chongqing Municipality: Governor Lee Jae-myung meets Mayor Tang Liangzhi/;

test.describe("[TIMELINE] managers see every partnership on one axis", () => {
  test("five lanes in order 2008, 2011, 2014, 2016, 2019 and the 27 Nov 2019 meeting", async ({ page }) => {
    await page.goto("/timeline");
    const chart = page.getByRole("group", { name: /Timeline chart/ });
    const lanes = chart.locator("[data-lane]");
    await expect(lanes).toHaveCount(5);
    const tops = await lanes.evaluateAll((els) => els.map((e) => ({ slug: e.getAttribute("data-lane"), y: e.getBoundingClientRect().top, text: e.textContent })));
    const ordered = [...tops].sort((a, b) => a.y - b.y);
    expect(ordered.map((l) => l.slug)).toEqual(["tianjin", "jiangsu", "jilin", "heilongjiang", "chongqing"]);
    expect(ordered.map((l) => l.text)).toEqual([
      "Tianjin Municipalitysince 2008",
      "Jiangsu Provincesince 2011",
      "Jilin Provincesince 2014",
      "Heilongjiang Provincesince 2016",
      "Chongqing Municipalitysince 27 Nov 2019",
    ]);
    // The year-precision start is labelled as the year, never as 1 January.
    const starts = chart.locator("[data-start-label]");
    await expect(starts).toHaveText(["2008", "2011", "2014", "2016", "27 Nov 2019"]);
    await expect(chart).not.toContainText("1 Jan 2008");
    await expect(chart.getByRole("link", { name: MEETING })).toBeVisible();
    await page.screenshot({ path: "test-results/screens/timeline-en.png", fullPage: true });
  });

  test("the chronological list holds the same events as the chart, by year", async ({ page }) => {
    await page.goto("/timeline");
    const chart = page.getByRole("group", { name: /Timeline chart/ });
    const list = page.getByRole("region", { name: "Chronological list" });
    await expect(list.getByRole("heading", { level: 3 })).toHaveText([/^2008/, /^2011/, /^2014/, /^2016/, /^2019/, "Visits to be scheduled"]);
    // The delegation still "to be scheduled" is listed, not drawn.
    const unscheduled = list.getByRole("region", { name: "Visits to be scheduled" });
    await expect(unscheduled.getByRole("link")).toHaveText([/To be scheduled.*Chongqing delegation to Gyeonggi Province/]);
    const listLinks = await list.locator("section[aria-labelledby^=y] a").evaluateAll((els) => els.map((e) => e.getAttribute("href")).sort());
    // The marks are drawn on the client once the chart has measured itself.
    await expect(chart.getByRole("link")).toHaveCount(listLinks.length);
    const chartLinks = await chart.getByRole("link").evaluateAll((els) => els.map((e) => e.getAttribute("href")).sort());
    expect(listLinks).toHaveLength(7);
    expect(listLinks).toEqual(chartLinks);
    await expect(list.getByRole("link", { name: /Governor Lee Jae-myung's visit to Chongqing/ })).toContainText("Nov 2019");
    await expect(list.getByRole("link", { name: /Governor Lee Jae-myung meets Mayor Tang Liangzhi/ })).toContainText("27 Nov 2019, 15:00");
  });

  test("filtering to Chongqing leaves one lane, the URL keeps the filter, and a reload keeps it", async ({ page }) => {
    await page.goto("/timeline");
    const filters = page.getByRole("form", { name: "Filters" });
    await filters.getByRole("checkbox", { name: "Chongqing Municipality" }).check();
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]partner=chongqing/);
    const chart = page.getByRole("group", { name: /Timeline chart/ });
    await expect(chart.locator("[data-lane]")).toHaveCount(1);
    await expect(chart.locator("[data-lane]")).toContainText("Chongqing Municipality");
    // The start, the meeting, the governor's visit; and the delegation to be scheduled.
    await expect(page.getByRole("region", { name: "Chronological list" }).getByRole("link")).toHaveCount(4);
    await page.reload();
    await expect(chart.locator("[data-lane]")).toHaveCount(1);
    await expect(page.getByRole("form", { name: "Filters" }).getByRole("checkbox", { name: "Chongqing Municipality" })).toBeChecked();
  });

  test("keyboard: Tab reaches a mark and shows it, Enter opens the meeting", async ({ page }) => {
    await page.goto("/timeline?partner=chongqing");
    const details = page.getByTestId("timeline-details");
    // The marks are drawn on the client: once one is there, the chart is hydrated.
    await expect(page.getByRole("link", { name: MEETING })).toBeVisible();
    await page.getByRole("button", { name: "90 days" }).focus();
    await page.keyboard.press("Tab");
    await expect(details).toContainText("Partnership start · 27 Nov 2019 · Chongqing Municipality");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: MEETING })).toBeFocused();
    await expect(details).toContainText("Governor Lee Jae-myung meets Mayor Tang Liangzhi");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/meetings\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("a new door for economic exchange");
  });

  test("the governor's November 2019 visit is a bar over that month on Chongqing's lane; Tab reaches it and Enter opens it", async ({ page }) => {
    await page.goto("/timeline?partner=chongqing&from=2019-10-01&to=2019-12-31");
    const chart = page.getByRole("group", { name: /Timeline chart/ });
    const visit = chart.getByRole("link", { name: "Outgoing visit (Completed) · Nov 2019 · Chongqing Municipality: Governor Lee Jae-myung's visit to Chongqing" });
    await expect(visit).toBeVisible();
    // The bar starts at the November tick and ends at the December one: a month-precision date spans its month.
    const tickIndex = async (label: string) => (await chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label").allTextContents()).indexOf(label);
    const tick = async (label: string) => (await chart.locator(".recharts-xAxis-tick-lines line").nth(await tickIndex(label)).boundingBox())!.x;
    const bar = (await visit.boundingBox())!;
    expect(Math.abs(bar.x - (await tick("Nov 2019")))).toBeLessThan(3);
    expect(Math.abs(bar.x + bar.width - (await tick("Dec 2019")))).toBeLessThan(3);
    // Below the lane, under the meeting of 27 November: distinct from the meeting's mark.
    const meeting = (await chart.getByRole("link", { name: MEETING }).boundingBox())!;
    expect(bar.y).toBeGreaterThan(meeting.y + meeting.height);
    await chart.getByRole("link", { name: MEETING }).focus();
    await page.keyboard.press("Tab");
    await expect(visit).toBeFocused();
    await expect(page.getByTestId("timeline-details")).toContainText("Outgoing visit (Completed) · Nov 2019 · Chongqing Municipality");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/visits\/\d+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Governor Lee Jae-myung's visit to Chongqing");
  });

  test("zooming writes the period into the URL and Fit all removes it", async ({ page }) => {
    await page.goto("/timeline");
    await page.getByRole("button", { name: "1 year" }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole("group", { name: /Timeline chart/ }).getByRole("link", { name: MEETING })).toHaveCount(0);
    await page.getByRole("button", { name: "Fit all" }).click();
    await expect(page).not.toHaveURL(/from=/);
    await expect(page.getByRole("group", { name: /Timeline chart/ }).getByRole("link", { name: MEETING })).toBeVisible();
  });

  test("the partner page shows the same timeline with one lane", async ({ page }) => {
    await page.goto("/partners/chongqing");
    const chart = page.getByRole("group", { name: /Timeline of this partnership/ });
    await expect(chart.locator("[data-lane]")).toHaveCount(1);
    await expect(chart.getByRole("link", { name: MEETING })).toBeVisible();
    await page.getByRole("region", { name: "Timeline" }).screenshot({ path: "test-results/screens/partner-timeline-en.png" });
  });

  test("in Korean the axis, lanes and list read in Korean", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.goto("/timeline");
    await expect(page.getByRole("heading", { level: 1, name: "연혁" })).toBeVisible();
    const chart = page.getByRole("group", { name: /연혁 차트/ });
    await expect(chart.locator("[data-lane]").first()).toContainText("톈진시");
    await expect(chart.locator("[data-start-label]").first()).toHaveText("2008년");
    await expect(page.getByRole("region", { name: "연대순 목록" })).toContainText("2019년 11월 27일");
    await page.screenshot({ path: "test-results/screens/timeline-ko.png", fullPage: true });
  });
});

test.describe("[DASHBOARD] today's state, each number a link", () => {
  test("numbers link to the filtered lists behind them", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("link", { name: "5 Active" })).toHaveAttribute("href", "/partners?status=active");
    await expect(page.getByRole("link", { name: /Overdue follow-ups/ })).toHaveAttribute("href", "/board?due=overdue");
    await expect(page.getByRole("link", { name: /Unfinished follow-ups/ })).toHaveAttribute("href", "/board");
    // The meeting's three follow-ups and the delegation's checklist item of ours.
    await expect(page.getByRole("link", { name: "4 Open" })).toHaveAttribute("href", "/actions?status=open");
    const year = new Date().getFullYear();
    await expect(page.getByRole("link", { name: new RegExp(`Meetings in ${year}`) })).toHaveAttribute("href", `/meetings?from=${year}-01-01&to=${year}-12-31`);

    const perYear = page.getByRole("region", { name: "Meetings per year, by partner" });
    await perYear.getByText("Show the figures as a table").click();
    await expect(perYear.getByRole("row", { name: /^2019/ }).getByRole("link", { name: "1" })).toHaveAttribute(
      "href",
      "/meetings?partner=chongqing&from=2019-01-01&to=2019-12-31",
    );
    const actions = page.getByRole("region", { name: "Follow-ups by status" });
    await actions.getByText("Show the figures as a table").click();
    await expect(actions.getByRole("row", { name: /^Open/ }).getByRole("link")).toHaveAttribute("href", "/actions?status=open");
    const cold = page.getByRole("region", { name: "Days since last contact" });
    await cold.getByText("Show the figures as a table").click();
    const rows = cold.getByRole("table").getByRole("row");
    await expect(rows).toHaveCount(6);
    await expect(rows.nth(5)).toContainText("Chongqing Municipality");
    await expect(rows.nth(5)).toContainText("27 Nov 2019");
    // Never met: oldest partnership first.
    await expect(rows.nth(1).getByRole("link")).toHaveAttribute("href", "/meetings?partner=tianjin");
    await page.getByRole("link", { name: "5 Active" }).click();
    await expect(page).toHaveURL(/\/partners\?status=active$/);
  });

  test("screenshots in English and Korean", async ({ page, context, baseURL }) => {
    await page.goto("/");
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/dashboard-en.png", fullPage: true });
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "대시보드" })).toBeVisible();
    await expect(page.getByRole("link", { name: "5 활성" })).toBeVisible();
    await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await page.screenshot({ path: "test-results/screens/dashboard-ko.png", fullPage: true });
  });
});

for (const locale of ["en", "ko"] as const)
  test.describe(`[TIMELINE] axe in ${locale}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await context.addCookies([{ name: "bh_locale", value: locale, url: baseURL! }]);
    });
    for (const path of ["/timeline", "/timeline?partner=chongqing&kind=meeting", "/", "/partners/chongqing"])
      test(`${path} passes axe`, async ({ page }) => {
        await page.goto(path);
        await expect(page.locator(".recharts-surface").first()).toBeVisible();
        await expectNoSeriousAxeViolations(page);
      });
  });

test.describe("[TIMELINE] narrow screens (375 px)", () => {
  test.use({ viewport: { width: 375, height: 812 } });
  for (const path of ["/timeline", "/"])
    test(`${path} fits without sideways scrolling and passes axe`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator(".recharts-surface").first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoSeriousAxeViolations(page);
      await page.screenshot({ path: `test-results/screens/mobile${path === "/" ? "-dashboard" : "-timeline"}.png`, fullPage: true });
    });
});
