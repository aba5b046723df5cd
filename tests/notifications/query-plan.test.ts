import { describe, expect, it } from "vitest";
import { engineOf } from "@/db/engine";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createAction } from "@/db/queries/actions";
import { listNotifications, unreadCount } from "@/db/queries/notifications";
import { gift, meeting } from "@/db/schema";
import { runPass } from "@/server/notifications/scheduler";
import { addPartner, addUser, openTestDb, tempDbFile } from "./fixtures";
import { one } from "@/db/tx";

const BIG = ["action", "notification", "milestone", "follow", "audit_event", "gift", "meeting"];

// EXPLAIN QUERY PLAN is SQLite's; the PostgreSQL run leaves this to the SQLite one.
describe.skipIf(engineOf() === "pg")("scheduler queries", () => {
  it("[NOTIFY] every query of a pass and of the bell reads the big tables through an index (EXPLAIN QUERY PLAN)", async () => {
    const db = await openTestDb(await tempDbFile());
    const partnerId = await addPartner(db);
    await addUser(db, { id: "u", zone: "Asia/Seoul" });
    await createAction(db, SYSTEM_ACTOR, { title: "A", side: "ours", partnerId, ownerUserId: "u", dueOn: "2026-03-10" });
    const m = (await one(db
      .insert(meeting)
      .values({ partnerId, title: "M", kind: "meeting", status: "held", startsAt: new Date("2026-03-02T07:00:00Z"), timeZone: "Asia/Shanghai" })
      .returning({ id: meeting.id }))).id;
    await db.insert(gift).values({ meetingId: m, direction: "received", item: "Vase", estimatedValue: 150_000, currency: "KRW" });
    // Record every statement the pass prepares, then ask SQLite how it runs each select.
    const seen = new Set<string>();
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((sql: string) => {
      seen.add(sql);
      return prepare(sql);
    });
    await runPass(db, { mail: null, now: new Date("2026-03-10T01:00:00Z") });
    await listNotifications(db, { userId: "u", limit: 20 });
    await unreadCount(db, "u");
    db.$client.prepare = prepare;
    const scans: string[] = [];
    let selects = 0;
    for (const sql of seen) {
      if (!/^\s*select/i.test(sql)) continue;
      selects++;
      const params = (sql.match(/\?/g) ?? []).map(() => "x");
      const plan = db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[];
      for (const p of plan) {
        const m = /^SCAN (\w+)$/.exec(p.detail);
        if (m && BIG.includes(m[1]!)) scans.push(`${p.detail} in: ${sql.slice(0, 120)}`);
      }
    }
    expect(selects).toBeGreaterThan(5);
    expect(scans).toEqual([]);
    db.$client.close();
  });
});
