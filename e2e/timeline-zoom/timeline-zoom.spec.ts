import type { Locator, Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

// A partner of its own, with a month of meetings, a recent one and two visits, so that the
// demo-data specs keep their counts. Dates are relative to today: the presets are.
const SLUG = "zoom-check-city";
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const MONTH = [-40, -37, -34, -31, -28, -25, -22, -19];

async function ensureData(page: Page, baseURL: string) {
  const found = (await (await page.request.get("/api/v1/partners?q=Zoom%20Check")).json()) as { data: { id: number; slug: string }[] };
  if (found.data.some((p) => p.slug === SLUG)) return;
  const headers = { origin: baseURL };
  const p = await page.request.post("/api/v1/partners", {
    headers,
    data: { slug: SLUG, nameEn: "Zoom Check City", nameKo: "확대시험시", country: "CN", kind: "city", level: "cooperation", status: "active", since: "2012", timeZone: "Asia/Shanghai" },
  });
  expect(p.status()).toBe(201);
  const partnerId = ((await p.json()) as { id: number }).id;
  for (const [i, offset] of [...MONTH, -2].entries()) {
    const m = await page.request.post("/api/v1/meetings", {
      headers,
      data: { partnerId, title: `Zoom check meeting ${i + 1}`, kind: "meeting", status: "held", date: day(offset), time: "10:00", timeZone: "Asia/Shanghai" },
    });
    expect(m.status()).toBe(201);
  }
  for (const v of [
    { title: "Zoom check trade mission", status: "completed", startsOn: day(-60), endsOn: day(-57) },
    { title: "Zoom check called-off visit", status: "cancelled", startsOn: day(-52), endsOn: day(-50) },
  ]) {
    const r = await page.request.post("/api/v1/visits", { headers, data: { direction: "outgoing", datePrecision: "day", partnerIds: [partnerId], ...v } });
    expect(r.status()).toBe(201);
  }
}

type Box = { x: number; y: number; width: number; height: number; name: string };
async function boxes(links: Locator): Promise<Box[]> {
  return links.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, name: e.getAttribute("aria-label") ?? "" };
    }),
  );
}

/** No drawn mark covers another (a pixel of anti-aliasing aside). */
function expectNoOverlap(list: Box[]) {
  const hits: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) hits.push(`${a.name} ⟷ ${b.name}`);
    }
  expect(hits).toEqual([]);
}

/** Meetings the chart stands for: one per single mark, n per numbered group. */
async function meetingsShown(chart: Locator, group: RegExp) {
  const names = await chart.getByRole("link").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  return names.reduce((n, name) => (/Zoom check meeting/.test(name) ? n + 1 : group.test(name) ? n + Number(group.exec(name)![1]) : n), 0);
}

const LOCALES = [
  { locale: "en", chart: /Timeline chart/, oneYear: "1 year", fitAll: "Fit all", group: /^(\d+) events/, visit: /^Outgoing visit \(Completed\) · .+ · Zoom Check City: Zoom check trade mission$/, cancelled: /\(Cancelled\).*Zoom check called-off visit/, hint: /^Tap a mark/ },
  { locale: "ko", chart: /연혁 차트/, oneYear: "1년", fitAll: "전체 보기", group: /^일정 (\d+)건/, visit: /^해외 출장 \(완료\) · .+ · 확대시험시: Zoom check trade mission$/, cancelled: /\(취소\).*Zoom check called-off visit/, hint: /^표시를 누르면/ },
] as const;

for (const L of LOCALES)
  for (const width of [1366, 375])
    test.describe(`[TIMELINE] every zoom at ${width} px in ${L.locale}`, () => {
      test.use({ viewport: { width, height: 900 }, ...(width === 375 ? { hasTouch: true, isMobile: true } : {}) });
      test.beforeEach(async ({ page, context, baseURL }) => {
        await ensureData(page, baseURL!);
        await context.addCookies([{ name: "bh_locale", value: L.locale, url: baseURL! }]);
      });

      test("no mark hides another at Fit all or at 1 year; a group opens by keyboard and zooms in to single marks", async ({ page }) => {
        await page.goto(`/timeline?partner=${SLUG}`);
        const chart = page.getByRole("group", { name: L.chart });
        await expect(chart.getByRole("link").first()).toBeVisible();
        // Fit all: every meeting is accounted for, none covers another, and the latest is clear of the plot's edge.
        expect(await meetingsShown(chart, L.group)).toBe(9);
        expectNoOverlap(await boxes(chart.getByRole("link")));
        const axis = (await chart.locator(".recharts-xAxis line.recharts-cartesian-axis-line").first().boundingBox())!;
        const marks = await boxes(chart.getByRole("link"));
        // The padding is a share of the period: about 35 px on a desktop plot, 15 on a phone's.
        expect(axis.x + axis.width - Math.max(...marks.map((m) => m.x + m.width))).toBeGreaterThanOrEqual(width === 375 ? 2 : 16);

        await page.getByRole("button", { name: L.oneYear, exact: true }).click();
        await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
        const yearUrl = page.url();
        await expect.poll(() => meetingsShown(chart, L.group)).toBe(9);
        expectNoOverlap(await boxes(chart.getByRole("link")));
        const group = chart.getByRole("link", { name: L.group });
        await expect(group.first()).toBeVisible();

        // Keyboard: Tab to the group, Enter zooms in until each meeting of the month is its own mark.
        await page.getByRole("button", { name: L.oneYear, exact: true }).focus();
        for (let i = 0; i < 12 && !(await group.first().evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press("Tab");
        await expect(group.first()).toBeFocused();
        await page.keyboard.press("Enter");
        await expect.poll(() => page.url()).not.toBe(yearUrl);
        // A phone's 1-year group holds all nine meetings: one zoom still groups some of them there.
        if (width === 1366) {
          await expect(chart.getByRole("link", { name: /Zoom check meeting 1$/ })).toBeVisible();
          await expect(chart.getByRole("link", { name: /Zoom check meeting \d$/ })).toHaveCount(MONTH.length);
        } else await expect.poll(() => meetingsShown(chart, L.group)).toBeGreaterThanOrEqual(MONTH.length);
        expectNoOverlap(await boxes(chart.getByRole("link")));
      });

      test("visits are bars over their days, named and reachable by keyboard; a cancelled one is pale", async ({ page }) => {
        await page.goto(`/timeline?partner=${SLUG}&from=${day(-70)}&to=${day(-40)}`);
        const chart = page.getByRole("group", { name: L.chart });
        const visit = chart.getByRole("link", { name: L.visit });
        await expect(visit).toBeVisible();
        const bar = (await visit.boundingBox())!;
        // Four days of a 31-day period: about 4/31 of the plot.
        const axis = (await chart.locator(".recharts-xAxis line.recharts-cartesian-axis-line").first().boundingBox())!;
        expect(bar.width / axis.width).toBeGreaterThan(3 / 31);
        expect(bar.width / axis.width).toBeLessThan(5 / 31);
        await expect(chart.getByRole("link", { name: L.cancelled }).locator("rect")).toHaveAttribute("fill-opacity", "0.25");
        await visit.focus();
        await expect(page.getByTestId("timeline-details")).toContainText("Zoom check trade mission");
        await page.keyboard.press("Enter");
        await expect(page).toHaveURL(/\/visits\/\d+$/);
        await expect(page.getByRole("heading", { level: 1 })).toContainText("Zoom check trade mission");
      });

      if (width === 375)
        test("on a phone the plot keeps the width, lane names sit above their lane, three or more dates label the axis, and the hint says tap", async ({ page }) => {
          for (const path of ["/timeline", `/timeline?partner=${SLUG}`]) {
            await page.goto(path);
            const chart = page.getByRole("group", { name: L.chart });
            await expect(chart.locator("[data-lane]").first()).toBeVisible();
            const frame = (await chart.boundingBox())!;
            const axis = (await chart.locator(".recharts-xAxis line.recharts-cartesian-axis-line").first().boundingBox())!;
            expect(axis.width / frame.width).toBeGreaterThan(0.85);
            await expect.poll(() => chart.locator(".recharts-xAxis .recharts-cartesian-axis-tick").count()).toBeGreaterThanOrEqual(3);
            // Lane names lie over the plot and cover no mark.
            const names = await boxes(chart.locator("[data-lane]"));
            for (const n of names) expect(n.x).toBeGreaterThanOrEqual(axis.x - 1);
            expectNoOverlap([...names.map((n) => ({ ...n, name: `lane ${n.name}` })), ...(await boxes(chart.getByRole("link")))]);
            await expect(page.getByTestId("timeline-details")).toContainText(L.hint);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            expect(overflow).toBeLessThanOrEqual(0);
          }
          await page.getByRole("button", { name: L.oneYear, exact: true }).click();
          await expect(page).toHaveURL(/from=/);
          const chart = page.getByRole("group", { name: L.chart });
          await expect.poll(() => chart.locator(".recharts-xAxis .recharts-cartesian-axis-tick").count()).toBeGreaterThanOrEqual(3);
          await expectNoSeriousAxeViolations(page);
          await page.screenshot({ path: `test-results/screens/timeline-phone-${L.locale}.png`, fullPage: true });
        });
      else
        test("with a mouse the hint says point at, and the page passes axe", async ({ page }) => {
          await page.goto(`/timeline?partner=${SLUG}`);
          await expect(page.getByRole("group", { name: L.chart }).getByRole("link").first()).toBeVisible();
          await expect(page.getByTestId("timeline-details")).not.toContainText(L.hint);
          await expectNoSeriousAxeViolations(page);
          await page.screenshot({ path: `test-results/screens/timeline-zoom-${L.locale}.png`, fullPage: true });
        });
    });
