import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { insertNotices } from "@/db/queries/notifications";
import { action, notification } from "@/db/schema";
import { inTransaction } from "@/db/tx";
import { readMailConfig } from "@/lib/notifications/mail-config";
import { runPass } from "@/server/notifications/scheduler";
import { addPartner, addUser, openTestDb, tempDbFile } from "./fixtures";
import { startSmtp } from "./smtp";

// A catch-up after downtime: hundreds of notices at once, more than one insert statement holds
// and more than a digest lists.

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

const now = new Date("2026-03-10T03:00:00Z");
const followUps = (owner: string, n: number, dueOn: (i: number) => string) =>
  db.insert(action).values(Array.from({ length: n }, (_, i) => ({ partnerId, title: `${owner} task ${i + 1}`, side: "ours", ownerUserId: owner, dueOn: dueOn(i) })));

describe("a large catch-up pass", () => {
  it("[NOTIFY] hundreds of due items are each noticed once, and the one digest lists 50 per kind and counts the rest, in the user's language", async () => {
    await addUser(db, { id: "ann", zone: "Asia/Seoul" });
    await addUser(db, { id: "min", zone: "Asia/Seoul", locale: "ko" });
    // 600 overdue (spread over many due dates) and 3 due today for Ann; 60 due today for Min.
    await followUps("ann", 600, (i) => `2026-02-${String(1 + (i % 28)).padStart(2, "0")}`);
    await followUps("ann", 3, () => "2026-03-10");
    await followUps("min", 60, () => "2026-03-10");
    const mail = readMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Bridgehead <bridgehead@example.org>" });

    const first = await runPass(db, { mail, now });
    expect(first).toMatchObject({ created: 663, dueItems: 663, mailsSent: 2, noticesMailed: 663 });
    expect(await db.$count(notification, eq(notification.userId, "ann"))).toBe(603);

    const ann = smtp.received.find((m) => m.subject === "Bridgehead: 603 notifications")!;
    const annLines = ann.text!.split("\n");
    const overdue = annLines.slice(annLines.indexOf("== Overdue =="), annLines.indexOf("== Due today =="));
    expect(overdue.filter((l) => / was due on .* and is overdue\.$/.test(l))).toHaveLength(50);
    expect(ann.text).toContain("- And 550 more in the notification centre.\n  https://bridgehead.example.org/notifications");
    expect(ann.html).toContain('<a href="https://bridgehead.example.org/notifications">And 550 more in the notification centre.</a>');
    // A kind under the limit is listed in full, with no count.
    expect(annLines.filter((l) => / is due today\.$/.test(l))).toHaveLength(3);
    expect(ann.text!.match(/more in the notification centre/g)).toHaveLength(1);

    const min = smtp.received.find((m) => m.subject === "Bridgehead: 알림 60개")!;
    expect(min.text).toContain("알림 센터에 10개가 더 있습니다.");

    // Everything the digests stand for is mailed, the counted rest too: nothing is sent again.
    const states = await db.select({ state: notification.mailState, n: sql<number>`count(*)` }).from(notification).groupBy(notification.mailState);
    expect(states).toEqual([{ state: "sent", n: 663 }]);
    const again = await runPass(db, { mail, now: new Date(now.getTime() + 3600_000) });
    expect(again).toMatchObject({ created: 0, dueItems: 663, mailsSent: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it("[NOTIFY] a user with more notices waiting than one SQL statement can name (40,000) gets one mail, and each notice is mailed once", async () => {
    await addUser(db, { id: "bulk" });
    const rows = Array.from({ length: 40_000 }, (_, i) => ({
      userId: "bulk", kind: "record_changed", recordType: "action", recordId: i + 1, stage: "update", key: `bulk:${i}`, subject: `Record ${i + 1}`, href: "/board", detail: "system",
    }));
    expect(await inTransaction(db, async (tx) => insertNotices(tx, rows))).toBe(40_000);
    // The same keys again are skipped, not duplicated.
    expect(await inTransaction(db, async (tx) => insertNotices(tx, rows.slice(0, 300)))).toBe(0);
    smtp.received.length = 0;
    const mail = readMailConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Bridgehead <bridgehead@example.org>" });
    const r = await runPass(db, { mail, now: new Date(now.getTime() + 7200_000) });
    expect(r).toMatchObject({ mailsSent: 1, noticesMailed: 40_000, failedMails: 0 });
    expect(smtp.received.map((m) => m.subject)).toEqual(["Bridgehead: 40,000 notifications"]);
    expect(smtp.received[0]!.text).toContain("And 39,950 more in the notification centre.");
    expect(await db.$count(notification, and(eq(notification.userId, "bulk"), eq(notification.mailState, "sent")))).toBe(40_000);
  });
});
