import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createAction, updateAction } from "@/db/queries/actions";
import { getPreference } from "@/db/queries/mail-queue";
import { action, notification } from "@/db/schema";
import { readMailConfig } from "@/lib/notifications/mail-config";
import { runPass } from "@/server/notifications/scheduler";
import { unsubscribeToken } from "@/server/notifications/unsubscribe-token";
import { addPartner, addUser, openTestDb, tempDbFile } from "./fixtures";
import { closeDb } from "@/db/client";
import { startSmtp } from "./smtp";

type Smtp = Awaited<ReturnType<typeof startSmtp>>;
let smtp: Smtp;
const file = await tempDbFile();
process.env.DATABASE_URL = file;
process.env.BETTER_AUTH_SECRET = "test-secret-test-secret-test-secret";
process.env.BETTER_AUTH_URL = "https://bridgehead.example.org";
const db = await openTestDb(file);
const partnerId = await addPartner(db);

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await closeDb(db);
});
afterEach(async () => {
  smtp.received.length = 0;
  smtp.raw.length = 0;
  // Each test starts with no follow-ups and no notices (users stay, with unique ids).
  await db.delete(notification).where(eq(notification.mailState, notification.mailState));
  await db.delete(action).where(eq(action.id, action.id));
});

const mail = () => readMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Bridgehead <bridgehead@example.org>" });
const assign = (owner: string, title: string, dueOn?: string) => createAction(db, SYSTEM_ACTOR, { title, side: "ours", partnerId, ownerUserId: owner, dueOn });

describe("notification mail over SMTP", () => {
  it("[NOTIFY] an assignment is mailed at once, multipart with links and one-click unsubscribe, and only once", async () => {
    await addUser(db, { id: "amy" });
    await assign("amy", "Send the big-data proposal");
    const r = await runPass(db, { mail: mail(), now: new Date() });
    expect(r).toMatchObject({ ran: true, mailsSent: 1, noticesMailed: 1 });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.to && "text" in m.to ? m.to.text : "").toBe("amy@example.org");
    expect(m.subject).toBe("Bridgehead: Send the big-data proposal was assigned to you by system.");
    expect(m.text).toContain("https://bridgehead.example.org/partners/chongqing#actions");
    expect(m.html).toContain('href="https://bridgehead.example.org/partners/chongqing#actions"');
    expect(m.text).toMatch(/Stop these mails \(Assigned to you\): https:\/\/bridgehead\.example\.org\/unsubscribe\/[\w-]+\.[\w-]+/);
    const unfolded = smtp.raw[0]!.replace(/\r\n[ \t]+/g, " ");
    expect(unfolded).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    expect(unfolded).toMatch(/^List-Unsubscribe: <https:\/\/bridgehead\.example\.org\/unsubscribe\/[\w-]+\.[\w-]+>\r$/m);
    expect(m.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    await runPass(db, { mail: mail(), now: new Date() });
    expect(smtp.received).toHaveLength(1);
  });

  it("[NOTIFY] a Korean user's daily digest groups the items by kind, in Korean, at the digest hour only", async () => {
    await addUser(db, { id: "min", locale: "ko", zone: "Asia/Seoul", mail: "daily" });
    await assign("min", "빅데이터 협력 제안서 발송", "2026-05-12");
    await assign("min", "대표단 호텔 예약", "2026-05-12");
    // 10 May 2026, 07:00 in Seoul: the digest goes out at 08:00 local.
    const before = new Date("2026-05-09T22:00:00Z");
    await runPass(db, { mail: mail(), now: before });
    await runPass(db, { mail: mail(), now: before });
    expect(smtp.received).toHaveLength(0);
    await runPass(db, { mail: mail(), now: new Date("2026-05-09T23:30:00Z") });
    expect(smtp.received).toHaveLength(1);
    const m = smtp.received[0]!;
    expect(m.subject).toBe("Bridgehead: 알림 4개");
    expect(m.text).toContain("== 내게 배정됨 ==");
    expect(m.text).toContain("== 마감 임박 ==");
    expect(m.text).toContain("빅데이터 협력 제안서 발송 건의 마감일은 2026년 5월 12일입니다.");
    expect(m.text!.indexOf("== 내게 배정됨 ==")).toBeLessThan(m.text!.indexOf("== 마감 임박 =="));
    expect(m.html).toContain('<html lang="ko">');
    // The next day's digest has nothing new: no mail.
    await runPass(db, { mail: mail(), now: new Date("2026-05-10T23:30:00Z") });
    expect(smtp.received).toHaveLength(1);
  });

  it("[NOTIFY] after downtime, an immediate user gets one mail for everything waiting, not one each", async () => {
    await addUser(db, { id: "bo" });
    for (let i = 0; i < 6; i++) await assign("bo", `Task ${i}`);
    await runPass(db, { mail: mail() });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toBe("Bridgehead: 6 notifications");
  });

  it("[NOTIFY] a failed delivery is retried after its backoff and sent exactly once", async () => {
    await addUser(db, { id: "cy" });
    await assign("cy", "Confirm the interpreter");
    smtp.failNext(1);
    const t0 = new Date("2026-06-01T00:00:00Z");
    const first = await runPass(db, { mail: mail(), now: t0 });
    expect(first).toMatchObject({ mailsSent: 0, failedMails: 1 });
    const row = (await db.select().from(notification).where(eq(notification.userId, "cy")).limit(1))[0]!;
    expect(row).toMatchObject({ mailState: "pending", mailAttempts: 1 });
    expect(row.mailError).toContain("451");
    // Within the backoff nothing is sent; after it, once.
    await runPass(db, { mail: mail(), now: new Date(t0.getTime() + 30_000) });
    expect(smtp.received).toHaveLength(0);
    await runPass(db, { mail: mail(), now: new Date(t0.getTime() + 61_000) });
    await runPass(db, { mail: mail(), now: new Date(t0.getTime() + 3_600_000) });
    expect(smtp.received).toHaveLength(1);
    expect((await db.select().from(notification).where(eq(notification.userId, "cy")).limit(1))[0]).toMatchObject({ mailState: "sent", mailAttempts: 1 });
  });

  it("[NOTIFY] with the mail server down a pass says so and ends; --retry-now sends once it is back", async () => {
    await addUser(db, { id: "di" });
    await assign("di", "Prepare the gift list");
    const down = readMailConfig({ SMTP_URL: "smtp://127.0.0.1:1", MAIL_FROM: "bridgehead@example.org" });
    const r = await runPass(db, { mail: down });
    expect(r.mailServerDown).toContain("ECONNREFUSED");
    const again = await runPass(db, { mail: mail(), retryNow: true });
    expect(again.mailsSent).toBe(1);
    expect(smtp.received).toHaveLength(1);
  });

  it("[NOTIFY] the unsubscribe link works without signing in, only for its own user and kind", async () => {
    await addUser(db, { id: "ev" });
    await addUser(db, { id: "fi" });
    const { POST } = await import("@/app/api/unsubscribe/[token]/route");
    const post = (token: string) =>
      POST(new Request(`https://bridgehead.example.org/api/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }), {
        params: Promise.resolve({ token }),
      });
    const token = unsubscribeToken("ev", "record_changed");
    expect((await post(token)).status).toBe(200);
    expect((await getPreference(db, "ev")).mutedKinds).toEqual(["record_changed"]);
    expect((await getPreference(db, "fi")).mutedKinds).toEqual([]);
    // Altering the user or the kind breaks the signature.
    const [payload, mac] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify(["fi", "record_changed"])).toString("base64url")}.${mac}`;
    const otherKind = `${Buffer.from(JSON.stringify(["ev", "assigned"])).toString("base64url")}.${mac}`;
    for (const bad of [forged, otherKind, `${payload}.x`, "nonsense"]) expect((await post(bad)).status).toBe(400);
    expect((await getPreference(db, "fi")).mutedKinds).toEqual([]);
    expect((await getPreference(db, "ev")).mutedKinds).toEqual(["record_changed"]);
    // Muted kinds are not mailed; the others still are.
    await addUser(db, { id: "gu" });
    await post(unsubscribeToken("gu", "assigned"));
    await assign("gu", "Muted task");
    await runPass(db, { mail: mail() });
    expect(smtp.received).toHaveLength(0);
    expect((await db.select({ s: notification.mailState }).from(notification).where(eq(notification.userId, "gu")).limit(1))[0]?.s).toBe("skipped");
  });

  it("[NOTIFY] a digest's one-click header stops only the kinds that digest carried, not all mail (RFC 8058)", async () => {
    await addUser(db, { id: "hana" });
    const now = new Date("2026-05-09T01:00:00Z");
    const a = await assign("hana", "Send the proposal", "2026-05-12");
    await assign("hana", "Book the hotel", "2026-05-12");
    await runPass(db, { mail: mail(), now });
    expect(smtp.received.map((m) => m.subject)).toEqual(["Bridgehead: 4 notifications"]);
    const header = /^List-Unsubscribe: <https:\/\/bridgehead\.example\.org\/unsubscribe\/([\w-]+\.[\w-]+)>\r$/m.exec(smtp.raw[0]!.replace(/\r\n[ \t]+/g, " "));
    const token = header![1]!;
    const { POST } = await import("@/app/api/unsubscribe/[token]/route");
    const res = await POST(
      new Request(`https://bridgehead.example.org/api/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      { params: Promise.resolve({ token }) },
    );
    expect(await res.json()).toEqual({ data: { unsubscribed: ["assigned", "due_soon"] } });
    expect(await getPreference(db, "hana")).toMatchObject({ mail: "immediate", mutedKinds: ["assigned", "due_soon"] });
    // A change to a follow-up she follows is another kind: it is still mailed; a new assignment is not.
    await updateAction(db, SYSTEM_ACTOR, a.id, { title: "Send the proposal (v2)", side: "ours", partnerId, ownerUserId: "hana", dueOn: "2026-05-12", version: a.version });
    await assign("hana", "Draft the MOU");
    await runPass(db, { mail: mail(), now });
    expect(smtp.received.map((m) => m.subject)).toEqual(["Bridgehead: 4 notifications", "Bridgehead: Send the proposal (v2) was changed by system."]);
  });

  it("[NOTIFY] a bad SMTP_URL or MAIL_FROM is refused with a message naming the variable", () => {
    expect(() => readMailConfig({ SMTP_URL: "http://mail.example.org", MAIL_FROM: "a@b.org" })).toThrow(/SMTP_URL must start with smtp/);
    expect(() => readMailConfig({ SMTP_URL: "not a url", MAIL_FROM: "a@b.org" })).toThrow(/SMTP_URL is not a valid URL/);
    expect(() => readMailConfig({ SMTP_URL: "smtp://h:25" })).toThrow(/MAIL_FROM/);
    expect(() => readMailConfig({ SMTP_URL: "smtp://h:25", MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM is not a mail address/);
    expect(readMailConfig({})).toBeNull();
  });
});
