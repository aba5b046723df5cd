import { request as pwRequest, type APIRequestContext } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, test } from "../fixtures/test";
import { storageState, USERS } from "../fixtures/users";

// Follow-ups have no page of their own: they are followed from their rows (the follow-ups list,
// partner and meeting pages) and from the board's edit panel. A viewer may follow: it is reading.
test.use({ role: "viewer" });

type Action = { id: number; version: number; title: string };

async function asAdmin<T>(baseURL: string, fn: (admin: APIRequestContext) => Promise<T>): Promise<T> {
  const admin = await pwRequest.newContext({ baseURL, storageState: storageState("admin"), extraHTTPHeaders: { origin: baseURL } });
  try {
    return await fn(admin);
  } finally {
    await admin.dispose();
  }
}

async function createAsAdmin(baseURL: string, title: string): Promise<Action> {
  return asAdmin(baseURL, async (admin) => {
    const partners = (await (await admin.get("/api/v1/partners?q=chongqing")).json()) as { data: { id: number; slug: string }[] };
    const partnerId = partners.data.find((p) => p.slug === "chongqing")!.id;
    const res = await admin.post("/api/v1/actions", { data: { title, side: "ours", partnerId } });
    expect(res.status()).toBe(201);
    return (await res.json()) as Action;
  });
}

test("[NOTIFY] a viewer follows a follow-up from its row by keyboard, is told of its change, and unfollows it in the board panel", async ({ page, baseURL }) => {
  const title = `Prepare the trade fair booth ${Date.now()}`;
  const a = await createAsAdmin(baseURL!, title);
  // Its creator follows it by default.
  const adminView = await asAdmin(baseURL!, async (admin) => (await (await admin.get(`/api/v1/board/actions/${a.id}`)).json()) as { following: boolean });
  expect(adminView.following).toBe(true);

  await page.goto(`/actions?q=${encodeURIComponent(title)}`);
  const follow = page.getByRole("button", { name: `Follow “${title}”` });
  await follow.focus();
  await page.keyboard.press("Enter");
  const unfollow = page.getByRole("button", { name: `Unfollow “${title}”` });
  await expect(unfollow).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.reload();
  await expect(unfollow).toBeVisible();

  // The administrator changes it: the follower hears of it, in the centre.
  const renamed = `${title} (hall B)`;
  await asAdmin(baseURL!, async (admin) => expect((await admin.patch(`/api/v1/actions/${a.id}`, { data: { title: renamed, version: a.version } })).status()).toBe(200));
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: `${renamed} was changed by ${USERS.admin.email}.` })).toBeVisible();

  // The board's panel for the card holds the same button; unfollowing there sticks.
  await page.goto("/board?partner=chongqing");
  await expect(page.locator("[data-board]")).toHaveAttribute("data-hydrated", "true");
  const open = page.getByRole("button", { name: `Open “${renamed}”` });
  await open.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog", { name: renamed });
  await expect(panel.getByRole("region", { name: "History" })).toBeVisible();
  const panelUnfollow = panel.getByRole("button", { name: "Unfollow", exact: true });
  await panelUnfollow.focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("button", { name: "Follow", exact: true })).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await page.screenshot({ path: "test-results/screens/follow-board-panel.png" });
  const mine = (await (await page.request.get(`/api/v1/board/actions/${a.id}`)).json()) as { following: boolean };
  expect(mine.following).toBe(false);
});

test("[NOTIFY] the follow-ups list with its Follow buttons is accessible in Korean at 375 px", async ({ page, context, baseURL }) => {
  const title = `Book interpreters ${Date.now()}`;
  await createAsAdmin(baseURL!, title);
  await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/actions?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("button", { name: `‘${title}’ 팔로우` })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/follow-actions-ko-375.png", fullPage: true });
});

test("[NOTIFY] partner and meeting pages offer Follow on each follow-up they list", async ({ page }) => {
  await page.goto("/partners/chongqing");
  const rows = page.getByRole("region", { name: "Follow-up actions" }).getByRole("button", { name: /^(Follow|Unfollow) “/ });
  await expect(rows.first()).toBeVisible();
  const meetings = (await (await page.request.get("/api/v1/meetings?q=Tang%20Liangzhi&limit=50")).json()) as { data: { id: number; title: string }[] };
  const demo = meetings.data.find((m) => m.title.startsWith("Governor Lee Jae-myung meets Mayor Tang Liangzhi"))!;
  await page.goto(`/meetings/${demo.id}`);
  await expect(page.getByRole("region", { name: "Follow-up actions" }).getByRole("button", { name: /^(Follow|Unfollow) “/ }).first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
