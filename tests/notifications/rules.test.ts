import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createAction, updateAction } from "@/db/queries/actions";
import { addComment } from "@/db/queries/actions";
import { applyDateRules, listNotifications, markRead, unreadCount } from "@/db/queries/notifications";
import { setFollowing } from "@/db/queries/follows";
import { milestone, notification, person } from "@/db/schema";
import { runPass } from "@/server/notifications/scheduler";
import { addPartner, addUser, openedDbs, openTestDb, tempDbFile } from "./fixtures";
import { one } from "@/db/tx";

const opened = openedDbs();
afterEach(() => opened.closeAll());

async function setup() {
  const file = await tempDbFile();
  const db = await openTestDb(file);
  opened.add(db);
  return { file, db };
}

const kinds = async (db: Awaited<ReturnType<typeof setup>>["db"], userId: string) =>
  await db.select({ kind: notification.kind, stage: notification.stage }).from(notification).where(eq(notification.userId, userId));

describe("notification rules", () => {
  it("[NOTIFY] assigning a follow-up notifies its owner once, not the one who assigned it", async () => {
    const { db } = await setup();
    const partnerId = await addPartner(db);
    const lee = await addUser(db, { id: "lee" });
    const boss = await addUser(db, { id: "boss" });
    const a = await createAction(db, boss, { title: "Send the big-data proposal", side: "ours", partnerId, ownerUserId: "lee" });
    expect((await kinds(db, "lee")).map((k) => k.kind)).toEqual(["assigned"]);
    expect(await kinds(db, "boss")).toEqual([]);
    // Editing something else is a change the owner follows, not a second assignment.
    await updateAction(db, boss, a.id, { title: "Send the big-data proposal (v2)", side: "ours", partnerId, ownerUserId: "lee", version: a.version });
    expect((await kinds(db, "lee")).map((k) => k.kind)).toEqual(["assigned", "record_changed"]);
    expect(await unreadCount(db, lee.userId!)).toBe(2);
    const [newest] = await listNotifications(db, { userId: "lee", limit: 10 });
    expect(newest!.kind).toBe("record_changed");
    expect(await markRead(db, { userId: "boss", ids: [newest!.id] })).toBe(0);
    expect(await markRead(db, { userId: "lee", ids: [newest!.id] })).toBe(1);
    expect(await unreadCount(db, "lee")).toBe(1);
    expect(await markRead(db, { userId: "lee", ids: "all" })).toBe(1);
  });

  it("[NOTIFY] a follow-up owned by a person reaches the account linked to that person", async () => {
    const { db } = await setup();
    const partnerId = await addPartner(db);
    await addUser(db, { id: "kim" });
    const p = await one(db.insert(person).values({ nameEn: "Kim", side: "home", userId: "kim" }).returning({ id: person.id }));
    await createAction(db, SYSTEM_ACTOR, { title: "Book the delegation hotel", side: "ours", partnerId, ownerPersonId: p.id });
    expect((await kinds(db, "kim")).map((k) => k.kind)).toEqual(["assigned"]);
  });

  it("[NOTIFY] due in 7 days, due today and overdue fire once each, on the owner's local date, across a restart", async () => {
    const { file, db } = await setup();
    const partnerId = await addPartner(db);
    // Seoul is UTC+9: at 2026-03-09T16:00Z it is already 10 March there, still 9 March in UTC.
    await addUser(db, { id: "seoul", zone: "Asia/Seoul" });
    await addUser(db, { id: "utc", zone: "UTC" });
    for (const owner of ["seoul", "utc"]) await createAction(db, SYSTEM_ACTOR, { title: `Report ${owner}`, side: "ours", partnerId, ownerUserId: owner, dueOn: "2026-03-17" });
    const at = (iso: string) => new Date(iso);
    await applyDateRules(db, at("2026-03-09T16:00:00Z"));
    expect((await kinds(db, "seoul")).map((k) => k.kind)).toEqual(["assigned", "due_soon"]);
    expect((await kinds(db, "utc")).map((k) => k.kind)).toEqual(["assigned"]);
    // Every pass of the following days adds nothing until the next stage.
    for (const day of ["2026-03-10", "2026-03-11", "2026-03-12"]) await applyDateRules(db, at(`${day}T12:00:00Z`));
    expect((await kinds(db, "seoul")).map((k) => k.kind)).toEqual(["assigned", "due_soon"]);
    expect((await kinds(db, "utc")).map((k) => k.kind)).toEqual(["assigned", "due_soon"]);
    await opened.close(db);
    // A restart: a new connection to the same file, the same instant twice.
    const again = await openTestDb(file);
    opened.add(again);
    await applyDateRules(again, at("2026-03-16T15:30:00Z"));
    await applyDateRules(again, at("2026-03-16T15:30:00Z"));
    expect((await kinds(again, "seoul")).map((k) => k.kind)).toEqual(["assigned", "due_soon", "due_today"]);
    expect((await kinds(again, "utc")).map((k) => k.kind)).toEqual(["assigned", "due_soon"]);
    await applyDateRules(again, at("2026-03-18T01:00:00Z"));
    await applyDateRules(again, at("2026-03-25T01:00:00Z"));
    expect((await kinds(again, "seoul")).map((k) => k.kind)).toEqual(["assigned", "due_soon", "due_today", "overdue"]);
    expect((await kinds(again, "utc")).map((k) => k.kind)).toEqual(["assigned", "due_soon", "overdue"]);
  });

  it("[NOTIFY] an agreement reminds at 90 and at 30 days, once each, followers and administrators", async () => {
    const { db } = await setup();
    const partnerId = await addPartner(db);
    await addUser(db, { id: "admin", role: "admin", zone: "Asia/Seoul" });
    await addUser(db, { id: "fan", zone: "UTC" });
    await addUser(db, { id: "other", zone: "UTC" });
    await setFollowing(db, { userId: "fan", type: "partner", id: partnerId, active: true });
    await db.insert(milestone).values({ partnerId, kind: "mou", date: "2021-06-01", title: "MOU on trade", expiresOn: "2026-06-01" });
    const stages = async (u: string) =>
      (await db.select({ s: notification.stage }).from(notification).where(and(eq(notification.userId, u), eq(notification.kind, "agreement_expiring")))).map((r) => r.s);
    await applyDateRules(db, new Date("2026-02-01T00:00:00Z"));
    expect(await stages("fan")).toEqual([]);
    await applyDateRules(db, new Date("2026-03-03T12:00:00Z"));
    await applyDateRules(db, new Date("2026-04-10T12:00:00Z"));
    expect(await stages("fan")).toEqual(["90d"]);
    await applyDateRules(db, new Date("2026-05-02T12:00:00Z"));
    await applyDateRules(db, new Date("2026-05-20T12:00:00Z"));
    expect(await stages("fan")).toEqual(["90d", "30d"]);
    expect(await stages("admin")).toEqual(["90d", "30d"]);
    expect(await stages("other")).toEqual([]);
  });

  it("[NOTIFY] a followed meeting's change reaches followers; an unfollow sticks", async () => {
    const { db } = await setup();
    const partnerId = await addPartner(db);
    const ed = await addUser(db, { id: "ed" });
    await addUser(db, { id: "fan" });
    const a = await createAction(db, ed, { title: "Draft the MOU", side: "ours", partnerId });
    await setFollowing(db, { userId: "fan", type: "action", id: a.id, active: true });
    const fan = await addUser(db, { id: "fan2" });
    const b = await updateAction(db, fan, a.id, { title: "Draft the MOU text", side: "ours", partnerId, version: a.version });
    // The creator follows by default; the one who changed it is not told of their own change.
    expect((await kinds(db, "ed")).map((k) => k.kind)).toEqual(["record_changed"]);
    expect((await kinds(db, "fan")).map((k) => k.kind)).toEqual(["record_changed"]);
    await setFollowing(db, { userId: "ed", type: "action", id: a.id, active: false });
    await updateAction(db, fan, a.id, { title: "Draft the MOU text, v3", side: "ours", partnerId, version: b.version });
    expect(await kinds(db, "ed")).toHaveLength(1);
    expect(await kinds(db, "fan")).toHaveLength(2);
  });

  it("[NOTIFY] a comment on a followed follow-up reaches its followers as a comment, not its author", async () => {
    const { db } = await setup();
    const partnerId = await addPartner(db);
    const ed = await addUser(db, { id: "ed" });
    const lee = await addUser(db, { id: "lee" });
    await addUser(db, { id: "fan" });
    const a = await createAction(db, ed, { title: "Name the task force", side: "theirs", partnerId, ownerUserId: "lee" });
    await setFollowing(db, { userId: "fan", type: "action", id: a.id, active: true });
    await addComment(db, lee, { actionId: a.id, body: "Director Luo named the members." });
    const commented = (u: string) =>
      db.select({ detail: notification.detail }).from(notification).where(and(eq(notification.userId, u), eq(notification.kind, "record_commented")));
    expect(await commented("ed")).toEqual([{ detail: "lee@example.org" }]);
    expect(await commented("fan")).toEqual([{ detail: "lee@example.org" }]);
    expect(await commented("lee")).toEqual([]);
  });

  it("[NOTIFY] two scheduler runners at once create no duplicates", async () => {
    const { file, db } = await setup();
    const partnerId = await addPartner(db);
    await addUser(db, { id: "u1", zone: "UTC" });
    for (let i = 0; i < 20; i++) await createAction(db, SYSTEM_ACTOR, { title: `T${i}`, side: "ours", partnerId, ownerUserId: "u1", dueOn: "2026-03-10" });
    const other = await openTestDb(file);
    opened.add(other);
    const now = new Date("2026-03-10T09:00:00Z");
    const [r1, r2] = await Promise.all([runPass(db, { now, mail: null }), runPass(other, { now, mail: null })]);
    expect([r1.ran, r2.ran].sort()).toEqual([false, true]);
    // Even without the lease, the unique key keeps each stage single.
    await Promise.all([applyDateRules(db, now), applyDateRules(other, now)]);
    const due = await db.select().from(notification).where(eq(notification.kind, "due_today"));
    expect(due).toHaveLength(20);
    expect(new Set(due.map((d) => d.key)).size).toBe(20);
  });
});
