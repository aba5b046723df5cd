import path from "node:path";
import { request as apiRequest } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/db/audit";
import { openDb } from "@/db/client";
import { auditEvent, session, user } from "@/db/schema";
import { createApiToken } from "@/db/queries/tokens";
import { createUser } from "@/db/queries/users";
import { expect, test } from "../fixtures/test";
import { SIGNED_OUT, signInThroughForm } from "./helpers";

const DB = path.resolve("test-results/e2e.db");
const PW = "Offboarding-keys-2026";

/** A user made straight in the database, for a test that needs their id and keys. */
async function withDb<T>(fn: (db: ReturnType<typeof openDb>) => Promise<T> | T): Promise<T> {
  const db = openDb(DB);
  try {
    return await fn(db);
  } finally {
    db.$client.close();
  }
}

test.describe("[ACCOUNTS] security", () => {
  test.use({ role: "admin" });

  test("deactivating an admin revokes their API token and calendar feed: both answer 401", async ({ page, baseURL }) => {
    const { api, feed } = await withDb(async (db) => {
      const u = await createUser(db, SYSTEM_ACTOR, { email: "offboarded@e2e.test", name: "Off Boarded", role: "admin", password: PW });
      const actor = { userId: u.id, label: u.email, role: "admin" as const };
      return {
        api: (await createApiToken(db, actor, { name: "Offboarded script", role: "admin" })).token,
        feed: (await createApiToken(db, actor, { name: "Offboarded feed", role: "viewer", scope: "calendar" })).token,
      };
    });
    const client = await apiRequest.newContext({ baseURL, storageState: SIGNED_OUT });
    const bearer = { Authorization: `Bearer ${api}` };
    expect((await client.get("/api/v1/tokens", { headers: bearer })).status()).toBe(200);
    expect((await client.get(`/api/v1/calendar.ics?token=${feed}`)).status()).toBe(200);

    await page.goto("/admin/users");
    await expect(page.getByText("revokes for good the API tokens and calendar feeds they made")).toBeVisible();
    const row = page.getByRole("row", { name: /offboarded@e2e\.test/ });
    await row.getByRole("button", { name: "Deactivate offboarded@e2e.test" }).click();
    await page.getByRole("dialog", { name: "Deactivate offboarded@e2e.test?" }).getByRole("button", { name: "Deactivate", exact: true }).click();
    await expect(row.getByRole("status")).toContainText("the 2 API tokens and calendar feeds they made are revoked for good");

    expect((await client.get("/api/v1/tokens", { headers: bearer })).status()).toBe(401);
    const ics = await client.get(`/api/v1/calendar.ics?token=${feed}`);
    expect(ics.status()).toBe(401);
    expect(await ics.text()).not.toContain("Chongqing");
    await client.dispose();
  });

  test("a spoofed X-Forwarded-For (or our own header) is ignored: the audit trail keeps the real address, never markup", async ({ browser, baseURL }) => {
    const ctx = await browser.newContext({
      baseURL,
      storageState: SIGNED_OUT,
      extraHTTPHeaders: { "X-Forwarded-For": "<img src=x onerror=alert(1)>, 203.0.113.66", "X-Bridgehead-Client-Ip": "198.51.100.77", "X-Bridgehead-Client-Ip-Proof": "guess" },
    });
    const page = await ctx.newPage();
    await signInThroughForm(page, "spoofer@e2e.test", "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await ctx.close();
    const rows = await withDb(async (db) =>
      await db.select({ ip: auditEvent.ipAddress }).from(auditEvent).where(and(eq(auditEvent.event, "sign_in_failed"), eq(auditEvent.actorLabel, "spoofer@e2e.test"))),
    );
    expect(rows).toHaveLength(1);
    expect(["127.0.0.1", "::1"]).toContain(rows[0]!.ip);
  });

  test("a session ends 30 days after sign-in, however active", async ({ browser, baseURL }) => {
    const id = await withDb(async (db) => (await createUser(db, SYSTEM_ACTOR, { email: "longlived@e2e.test", name: "Long Lived", role: "viewer", password: PW })).id);
    const ctx = await browser.newContext({ baseURL, storageState: SIGNED_OUT });
    const page = await ctx.newPage();
    await signInThroughForm(page, "longlived@e2e.test", PW);
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await withDb(async (db) => await db.update(session).set({ createdAt: new Date(Date.now() - 31 * 24 * 60 * 60_000) }).where(eq(session.userId, id)));
    await page.goto("/partners");
    await expect(page).toHaveURL(/\/login$/);
    expect(await withDb(async (db) => await db.select().from(session).where(eq(session.userId, id)))).toEqual([]);
    expect(await withDb(async (db) => (await db.select({ banned: user.banned }).from(user).where(eq(user.id, id)).limit(1))[0])).toEqual({ banned: false });
    await ctx.close();
  });

  test("the invite form rates the password as it is typed, in English and Korean, and the server refuses a common one", async ({ page, context, baseURL }) => {
    await page.goto("/admin/users");
    const form = page.getByRole("form", { name: "Invite a user" });
    const pw = form.getByLabel("Temporary password");
    await pw.fill("password1234");
    await expect(form.getByText("Strength: weak — Choose a stronger password: this one would be refused.")).toBeVisible();
    await form.getByLabel("Name").fill("Weak Password");
    await form.getByLabel("Email").fill("weak@e2e.test");
    await form.getByRole("button", { name: "Invite" }).click();
    await expect(form.getByText("Too easy to guess: a common password, word, name, repeat or sequence. Try a few unrelated words.")).toBeVisible();
    await pw.fill("Pangyo-delegation-visit-2019");
    await expect(form.getByText("Strength: very strong")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/password-meter-en.png", fullPage: true });

    await context.addCookies([{ name: "bh_locale", value: "ko", url: baseURL! }]);
    await page.goto("/account/password");
    await page.getByLabel("새 비밀번호", { exact: true }).fill("aaaaaaaaaaaa");
    await expect(page.getByText("강도: 매우 약함 — 더 강한 비밀번호를 고르세요. 이 비밀번호는 거절됩니다.")).toBeVisible();
    await page.screenshot({ path: "test-results/screens/password-meter-ko.png", fullPage: true });
  });
});
