import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures/test";

test.use({ timezoneId: "Asia/Seoul" });
test.describe.configure({ timeout: 180_000 });

/** Counts what a keyboard user does: every key press (Tabs apart) and every run of typing. */
class Keys {
  tabs = 0;
  actions = 0;
  constructor(private page: Page) {}
  async press(key: string) {
    this.actions++;
    if (key === "Tab") this.tabs++;
    await this.page.keyboard.press(key);
  }
  async type(text: string) {
    this.actions++;
    await this.page.keyboard.type(text);
  }
  /** Tabs until the target has focus (counted), proving it is reachable by keyboard alone. */
  async tabTo(target: Locator, max = 40) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.press("Tab");
    }
    throw new Error("Not reachable by Tab");
  }
}

const selectedText = (select: Locator) => select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? "");

async function openForm(page: Page) {
  await page.goto("/meetings/new?partner=chongqing");
  await expect(page.getByRole("button", { name: "Save meeting" })).toBeEnabled();
  await expect(page.locator("form[data-sticky-actions]")).toBeVisible();
}

test.describe("[MEETINGS] the meeting form by keyboard", () => {
  test('typing "Tang" in a gift\'s From selects Tang Liangzhi; "Lee" selects Lee Jae-myung', async ({ page }) => {
    await openForm(page);
    const p1 = page.getByRole("group", { name: "Participant 1" }).getByLabel("Person", { exact: true });
    const p2 = page.getByRole("group", { name: "Participant 2" }).getByLabel("Person", { exact: true });
    await p1.focus();
    await page.keyboard.type("Lee");
    await expect.poll(() => selectedText(p1)).toMatch(/^Lee Jae-myung/);
    await p2.focus();
    await page.keyboard.type("Tang");
    await expect.poll(() => selectedText(p2)).toMatch(/^Tang Liangzhi/);
    await page.getByRole("button", { name: "Add gift" }).click();
    const from = page.getByRole("group", { name: "Gift 1" }).getByLabel("From", { exact: true });
    const to = page.getByRole("group", { name: "Gift 1" }).getByLabel("To", { exact: true });
    await from.focus();
    await page.keyboard.type("Tang");
    await expect.poll(() => selectedText(from)).toBe("Tang Liangzhi (唐良智) — participant 2");
    await to.focus();
    await page.keyboard.type("Lee");
    await expect.poll(() => selectedText(to)).toBe("Lee Jae-myung (이재명) — participant 1");
    await page.getByRole("button", { name: "Add follow-up" }).click();
    const owner = page.getByRole("group", { name: "Follow-up 1" }).getByLabel("Owner", { exact: true });
    await owner.focus();
    await page.keyboard.type("Lim");
    await expect.poll(() => selectedText(owner)).toMatch(/^Lim Mun-yeong/);
  });

  for (const [name, width, height] of [
    ["1366", 1366, 768],
    ["375", 375, 740],
  ] as const)
    test(`no focused control is hidden under the sticky Save bar (${name} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openForm(page);
      await page.getByRole("group", { name: "Participant 2" }).getByLabel("Person", { exact: true }).selectOption({ label: "+ Add a new person" });
      await page.getByRole("button", { name: "Add gift" }).click();
      await page.getByRole("button", { name: "Add follow-up" }).click();
      await page.getByLabel("Partner", { exact: true }).focus();
      const bar = page.locator("form[data-sticky-actions] > div.sticky");
      const hidden: string[] = [];
      let steps = 0;
      for (; steps < 120; steps++) {
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const barEl = document.querySelector("form[data-sticky-actions] > div.sticky");
          if (!el || !barEl) return null;
          const r = el.getBoundingClientRect();
          const b = barEl.getBoundingClientRect();
          return {
            inBar: barEl.contains(el),
            name: el.getAttribute("aria-label") ?? el.id ?? el.tagName,
            text: ((el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "").trim().slice(0, 40),
            top: r.top,
            bottom: r.bottom,
            barTop: b.top,
            save: el.textContent?.trim() === "Save meeting",
          };
        });
        if (!info || info.save) break;
        if (!info.inBar && (info.bottom > info.barTop || info.top < 0)) hidden.push(`${info.text || info.name} (bottom ${Math.round(info.bottom)} > bar ${Math.round(info.barTop)})`);
        await page.keyboard.press("Tab");
      }
      await expect(bar).toBeVisible();
      expect(steps).toBeGreaterThan(30);
      expect(hidden).toEqual([]);
    });

  test("keyboard-only logging of the source article's meeting takes fewer key actions and Tabs than before (146; 86 Tabs)", async ({ page }) => {
    await page.goto("/meetings/new");
    await expect(page.getByRole("button", { name: "Save meeting" })).toBeEnabled();
    const k = new Keys(page);
    const row = (name: string) => page.getByRole("group", { name });
    const field = (group: string, label: string) => row(group).getByLabel(label, { exact: true });

    // Skip the shell, then the meeting itself.
    await k.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await k.press("Enter");
    await k.tabTo(page.getByLabel("Partner", { exact: true }));
    await k.type("Chongqing");
    await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Asia/Shanghai");
    await k.press("Tab");
    await k.type("Keyboard log: Lee Jae-myung and Tang Liangzhi in Chongqing");
    await k.tabTo(page.getByLabel("Date and time", { exact: true }));
    await k.press("Control+A");
    await k.type("2019-11-27 15:00");
    await expect(page.getByTestId("in-your-zone")).toHaveText("= 27 Nov 2019, 16:00 (UTC+09:00, Asia/Seoul) in your zone");
    await k.tabTo(page.getByLabel("Duration (minutes)", { exact: true }));
    await k.type("60");
    await k.press("Tab");
    await k.type("30");
    await k.press("Tab");
    await k.type("Foreign Affairs Office of the Chongqing Municipal People's Government");
    await k.press("Tab");
    await k.type("Chongqing");
    await k.press("Tab");
    await k.type("Economic exchange; big data information and data sharing; a Chongqing delegation's visit");
    await k.tabTo(page.getByLabel("What was agreed", { exact: true }));
    await k.type("Cooperation starting with big data; working groups introduced; a task force for the delegation's visit.");

    // The two leaders, in the two rows the form starts with (ours, then theirs). Director General
    // Lim and Director Luo own follow-ups: the owner picker offers everyone, by name.
    const people = [
      { group: "Participant 1", name: "Lee", role: "Lead", title: "Governor of Gyeonggi Province" },
      { group: "Participant 2", name: "Tang", role: "Lead", title: "Mayor of Chongqing" },
    ];
    for (const p of people) {
      await k.tabTo(field(p.group, "Person"));
      await k.type(p.name);
      await expect.poll(() => selectedText(field(p.group, "Person"))).toMatch(new RegExp(`^${p.name}`));
      if (p.role) {
        await k.press("Tab");
        await k.type(p.role);
        await expect(field(p.group, "Role")).toHaveValue("lead");
      }
      if (p.title) {
        await k.tabTo(field(p.group, "Title held that day"));
        await k.type(p.title);
      }
    }

    const gifts = [
      { item: 'White porcelain "Moon Jar"', received: false, from: "Lee", to: "Tang" },
      { item: "Romance of the Three Kingdoms, in Chinese and English", received: true, from: "Tang", to: "Lee" },
      { item: "Handcrafted fan", received: true, from: "Tang", to: "Lee" },
    ];
    for (const [i, g] of gifts.entries()) {
      await k.tabTo(page.getByRole("button", { name: "Add gift" }));
      await k.press("Enter");
      const group = `Gift ${i + 1}`;
      await expect(field(group, "Direction")).toBeFocused();
      if (g.received) await k.type("R");
      await k.press("Tab");
      await k.type(g.item);
      await k.tabTo(field(group, "From"));
      await k.type(g.from);
      await k.press("Tab");
      await k.type(g.to);
      await expect.poll(() => selectedText(field(group, "From"))).toMatch(new RegExp(`^${g.from}`));
      await expect.poll(() => selectedText(field(group, "To"))).toMatch(new RegExp(`^${g.to}`));
    }

    const followUps = [
      { title: "Start cooperation on big data information and data sharing", theirs: false, owner: "Lim" },
      { title: "Organise a task force for a Chongqing delegation's visit", theirs: true, owner: "Luo" },
      { title: "Mayor Tang's visit to Gyeonggi Province: Pangyo Techno Valley and SK Hynix", theirs: true, owner: "Tang" },
    ];
    for (const [i, a] of followUps.entries()) {
      await k.tabTo(page.getByRole("button", { name: "Add follow-up" }));
      await k.press("Enter");
      const group = `Follow-up ${i + 1}`;
      await expect(field(group, "What is to be done")).toBeFocused();
      await k.type(a.title);
      await k.press("Tab");
      if (a.theirs) await k.type("T");
      await k.press("Tab");
      await k.type(a.owner);
      await expect.poll(() => selectedText(field(group, "Owner"))).toMatch(new RegExp(`^${a.owner}`));
    }

    await k.tabTo(page.getByRole("button", { name: "Save meeting" }));
    await k.press("Enter");
    await expect(page).toHaveURL(/\/meetings\/\d+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Keyboard log: Lee Jae-myung and Tang Liangzhi in Chongqing" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Who took part" }).getByRole("listitem")).toHaveCount(2);
    await expect(page.getByRole("region", { name: "Gifts" }).getByRole("listitem")).toHaveCount(3);
    await expect(page.getByRole("region", { name: "Follow-up actions" }).getByRole("listitem")).toHaveCount(3);

    console.log(`[MEETINGS] keyboard-only logging of the source meeting: ${k.actions} key actions, ${k.tabs} Tabs (before: 146 and 86)`);
    test.info().annotations.push({ type: "keys", description: `${k.actions} key actions, ${k.tabs} Tabs` });
    // Fewer than the 146 key actions and 86 Tabs counted before, though this flow logs three gifts
    // and three follow-ups: one stop for "who" in a participant row, one for each row's date.
    expect(k.actions).toBeLessThan(146);
    expect(k.tabs).toBeLessThan(86);
  });
});
