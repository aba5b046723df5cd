import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { applyDateRules, listNotifications } from "@/db/queries/notifications";
import { setFollowing } from "@/db/queries/follows";
import { exchangeRate, gift, meeting, notification, person } from "@/db/schema";
import { noticeText, notificationTranslator } from "@/server/notifications/compose";
import { addPartner, addUser, openedDbs, openTestDb, tempDbFile } from "./fixtures";
import { inTransaction, one } from "@/db/tx";

const opened = openedDbs();
afterEach(() => opened.closeAll());

type Db = Awaited<ReturnType<typeof openTestDb>>;

/** Gift id → its stages for one user, in the order they fired. */
async function giftStages(db: Db, userId: string): Promise<Record<string, string[]>> {
  const rows = await db
    .select({ key: notification.key, stage: notification.stage })
    .from(notification)
    .where(and(eq(notification.userId, userId), eq(notification.kind, "gift_undeclared")))
    .orderBy(notification.id);
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.key.split(":")[1]!] ??= []).push(r.stage);
  return out;
}

describe("the undeclared-gift rule", () => {
  it("[NOTIFY] a received gift at or above the threshold notifies once per stage (declare, hand over soon, overdue) in each user's zone, across a restart", async () => {
    const file = await tempDbFile();
    const db = await openTestDb(file);
    opened.add(db);
    const partnerId = await addPartner(db);
    await addUser(db, { id: "admin", role: "admin", zone: "Asia/Seoul" });
    await addUser(db, { id: "fan", zone: "UTC" });
    await addUser(db, { id: "kim", zone: "UTC" });
    await addUser(db, { id: "other", zone: "UTC" });
    const kim = (await one(db.insert(person).values({ nameEn: "Kim", side: "home", userId: "kim" }).returning({ id: person.id }))).id;
    // 2 March 2026, 15:00 in Chongqing: the gifts were received that day.
    const m = (await one(db
      .insert(meeting)
      .values({ partnerId, title: "Chongqing visit", kind: "meeting", status: "held", startsAt: new Date("2026-03-02T07:00:00Z"), timeZone: "Asia/Shanghai" })
      .returning({ id: meeting.id }))).id;
    const later = (await one(db
      .insert(meeting)
      .values({ partnerId, title: "Planned visit", kind: "visit", status: "planned", startsAt: new Date("2026-05-01T01:00:00Z"), timeZone: "Asia/Shanghai" })
      .returning({ id: meeting.id }))).id;
    await setFollowing(db, { userId: "fan", type: "meeting", id: m, active: true });
    await db.insert(exchangeRate).values({ currency: "CNY", date: "2026-03-01", rateToKrw: 190 });
    const add = async (item: string, v: Partial<typeof gift.$inferInsert>) =>
      String((await one(db.insert(gift).values({ meetingId: m, direction: "received", item, ...v }).returning({ id: gift.id }))).id);
    const vase = await add("Porcelain vase", { estimatedValue: 150_000, currency: "KRW", toPersonId: kim });
    // CNY 1,000 at 190 is KRW 190,000: declarable only through the rate.
    const tea = await add("Tea set", { estimatedValue: 1_000, currency: "CNY" });
    await add("Book", { estimatedValue: 50_000, currency: "KRW" });
    await add("Scarf", { estimatedValue: 300, currency: "JPY" });
    await add("Painting", { estimatedValue: null, currency: null });
    await add("Given plate", { direction: "given", estimatedValue: 500_000, currency: "KRW" });
    await add("Declared silk", { estimatedValue: 200, currency: "USD", declaredOn: "2026-03-03" });
    await db.insert(gift).values({ meetingId: later, direction: "received", item: "Future gift", estimatedValue: 900_000, currency: "KRW" });

    for (const day of ["2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-10T10:00:00Z"]) await applyDateRules(db, new Date(day));
    expect(await giftStages(db, "admin")).toEqual({ [vase]: ["declare"], [tea]: ["declare"] });
    expect(await giftStages(db, "fan")).toEqual({ [vase]: ["declare"], [tea]: ["declare"] });
    // The person it was handed to, through their linked account: only their own gift.
    expect(await giftStages(db, "kim")).toEqual({ [vase]: ["declare"] });
    expect(await giftStages(db, "other")).toEqual({});

    // A restart: a new connection to the same file. Hand-over is due by 1 April (30 days).
    await opened.close(db);
    const again = await openTestDb(file);
    opened.add(again);
    await applyDateRules(again, new Date("2026-03-26T10:00:00Z"));
    await applyDateRules(again, new Date("2026-03-27T10:00:00Z"));
    expect(await giftStages(again, "fan")).toEqual({ [vase]: ["declare", "handover_soon"], [tea]: ["declare", "handover_soon"] });
    // Declared at last: the tea set is done with.
    await again.update(gift).set({ declaredOn: "2026-03-28" }).where(eq(gift.id, Number(tea)));
    // 1 April 16:00 UTC is already 2 April in Seoul: overdue there, not yet in UTC.
    await applyDateRules(again, new Date("2026-04-01T16:00:00Z"));
    expect(await giftStages(again, "admin")).toEqual({ [vase]: ["declare", "handover_soon", "handover_overdue"], [tea]: ["declare", "handover_soon"] });
    expect((await giftStages(again, "fan"))[vase]).toEqual(["declare", "handover_soon"]);
    await applyDateRules(again, new Date("2026-04-02T12:00:00Z"));
    await applyDateRules(again, new Date("2026-06-02T12:00:00Z"));
    expect(await giftStages(again, "fan")).toEqual({ [vase]: ["declare", "handover_soon", "handover_overdue"], [tea]: ["declare", "handover_soon"] });
    expect(await giftStages(again, "kim")).toEqual({ [vase]: ["declare", "handover_soon", "handover_overdue"] });

    // In the centre and in mail, in the user's language, with the hand-over date.
    const [overdue] = await listNotifications(again, { userId: "kim", limit: 1 });
    expect(overdue!.href).toBe(`/meetings/${m}#gifts`);
    expect(noticeText(notificationTranslator("en"), overdue!, "en")).toBe("Porcelain vase (Chongqing visit) is a gift still not declared: it was to be handed over by 1 Apr 2026.");
    expect(noticeText(notificationTranslator("ko"), overdue!, "ko")).toContain("아직 신고되지 않은 선물입니다");
  });

  it("[NOTIFY] the gift reminder's hand-over window is the administrator's setting", async () => {
    const db = await openTestDb(await tempDbFile());
    opened.add(db);
    const partnerId = await addPartner(db);
    await addUser(db, { id: "admin", role: "admin", zone: "UTC" });
    const m = (await one(db
      .insert(meeting)
      .values({ partnerId, title: "Visit", kind: "meeting", status: "held", startsAt: new Date("2026-03-02T07:00:00Z"), timeZone: "UTC" })
      .returning({ id: meeting.id }))).id;
    await db.insert(gift).values({ meetingId: m, direction: "received", item: "Vase", estimatedValue: 100, currency: "USD" });
    const { setNotificationSettings } = await import("@/db/queries/notification-settings");
    await inTransaction(db, async (tx) => setNotificationSettings(tx, { dueSoonDays: 7, agreementDays: [90, 30], digestHour: 8, giftHandoverDays: 10, giftSoonDays: 2 }));
    await applyDateRules(db, new Date("2026-03-10T12:00:00Z"));
    await applyDateRules(db, new Date("2026-03-13T12:00:00Z"));
    expect(Object.values(await giftStages(db, "admin"))).toEqual([["handover_soon", "handover_overdue"]]);
  });
});
