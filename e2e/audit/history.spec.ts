import type { Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";

const TITLE = "History check: working lunch on data sharing";
const NEW_TITLE = "History check: working lunch on big data";

/** A meeting of two participants and a gift, posted as the signed-in editor. */
async function makeMeeting(page: Page, baseURL: string) {
  const partners = await page.request.get("/api/v1/partners?q=Chongqing");
  const cq = ((await partners.json()) as { data: { id: number }[] }).data[0]!;
  const res = await page.request.post("/api/v1/meetings", {
    headers: { origin: baseURL },
    data: {
      partnerId: cq.id,
      title: TITLE,
      kind: "meeting",
      status: "held",
      date: "2020-02-10",
      time: "12:00",
      timeZone: "Asia/Shanghai",
      participants: [
        { newPerson: { nameEn: "Han Mei", side: "partner" }, role: "lead", titleAtTime: "Deputy Director" },
        { newPerson: { nameEn: "Seo Jun", side: "home" }, role: "attendee" },
      ],
      gifts: [{ direction: "given", item: "Celadon tea set", disposition: "kept_by_office" }],
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: number };
}

const latest = (page: Page) => page.getByRole("region", { name: /^(History|변경 이력)$/ }).getByRole("listitem").first();

test.describe("[HISTORY] a record's history reads as people wrote it", () => {
  test("the history of a title-only edit shows only the title, in the reader's language", async ({ page, context, baseURL }) => {
    const m = await makeMeeting(page, baseURL!);
    await page.goto(`/meetings/${m.id}/edit`);
    await page.getByLabel("Title", { exact: true }).fill(NEW_TITLE);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: NEW_TITLE })).toBeVisible();
    await page.goto(`/meetings/${m.id}`);
    const entry = latest(page);
    await expect(entry).toContainText("Edited by editor@e2e.test");
    await expect(entry.locator("dt")).toHaveText(["Title"]);
    await expect(entry.locator("del")).toHaveText(TITLE);
    await expect(entry.locator("ins")).toHaveText(NEW_TITLE);
    await expect(entry).not.toContainText(/participants|\[\[/i);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/history-en.png", fullPage: true });

    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.reload();
    await expect(latest(page).locator("dt")).toHaveText(["제목"]);
    await page.screenshot({ path: "test-results/screens/history-ko.png", fullPage: true });
  });

  test("participants and gifts are diffed by name; the trail names records by title and hides internals", async ({ page, baseURL }) => {
    const m = await makeMeeting(page, baseURL!);
    await page.goto(`/meetings/${m.id}/edit`);
    // Remove the second participant; nothing else changes.
    await page.getByRole("group", { name: "Participant 2" }).getByRole("button", { name: /Remove/ }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await page.goto(`/meetings/${m.id}`);
    const entry = latest(page);
    await expect(entry.locator("dt")).toHaveText(["Participants"]);
    await expect(entry).toContainText("Removed: Seo Jun (Attendee)");
    await expect(entry).not.toContainText("Han Mei");
    await expect(entry).not.toContainText(/Gifts|\[|\{/);
  });
});

test.describe("[HISTORY] the audit trail", () => {
  test.use({ role: "admin" });

  test("names records by title, shows no positions or renumbering, and times in the reader's zone", async ({ page, context, baseURL }) => {
    await page.goto("/admin/audit?type=meeting&event=update");
    const table = page.getByRole("table", { name: "Audit trail" });
    await expect(table).toContainText(NEW_TITLE);
    await expect(table).not.toContainText(/Meeting \d+$/m);
    await page.goto("/admin/audit?event=move");
    await expect(page.locator("main")).not.toContainText(/position|renumbered/i);
    await page.goto("/admin/audit");
    await expect(page.locator("main")).not.toContainText(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/audit-en.png", fullPage: true });
    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.goto("/admin/audit?type=meeting");
    await expect(page.getByRole("table")).toContainText("제목");
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: "test-results/screens/audit-ko.png", fullPage: true });

    const csv = await page.request.get("/api/v1/exports/audit?format=csv&lang=en");
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain(NEW_TITLE);
    expect(text).toContain(`Title: ${TITLE} → ${NEW_TITLE}`);
    expect(text).not.toMatch(/\[\[\d+,"/);
  });
});
