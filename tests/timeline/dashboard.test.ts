import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dashboardData } from "@/db/queries/dashboard";
import { action, meeting, partner } from "@/db/schema";
import { seededDb } from "../helpers/db";

describe("[DASHBOARD] counts", () => {
  it("counts the demo data: five active partners, one meeting in 2019, four open follow-ups", async () => {
    const db = await seededDb();
    const d = await dashboardData(db, "2019-12-20", new Date("2019-12-20T03:00:00Z"));
    expect(d.partnersByStatus).toEqual({ active: 5 });
    expect(d.meetingsThisYear).toBe(1);
    expect(d.meetingsLastYear).toBe(0);
    expect(d.meetingsPerYear).toEqual([{ year: 2019, partnerId: d.partners.at(-1)!.id, count: 1 }]);
    // The meeting's three follow-ups and the delegation's checklist item of ours.
    expect(d.openActions).toBe(4);
    expect(d.actionsByStatus).toEqual({ open: 4 });
    expect(d.overdueActions).toBe(0);
    // Coldest first: the four partners never met, then Chongqing, 23 days after 27 Nov.
    expect(d.coldest.map((c) => c.days)).toEqual([null, null, null, null, 23]);
    expect(d.coldest.map((c) => c.partnerId)).toEqual(d.partners.map((p) => p.id));
    expect(d.upcoming).toEqual([]);
  });

  it("counts a follow-up as overdue from the day after its due date, and never once done", async () => {
    const db = await seededDb();
    const [a, b, c] = await db.select({ id: action.id }).from(action).orderBy(action.id);
    await db.update(action).set({ dueOn: "2019-12-10" }).where(eq(action.id, a!.id));
    await db.update(action).set({ dueOn: "2019-12-31", status: "in_progress" }).where(eq(action.id, b!.id));
    await db.update(action).set({ dueOn: "2019-12-01", status: "done", completedAt: new Date("2019-12-02T00:00:00Z") }).where(eq(action.id, c!.id));

    const onDue = await dashboardData(db, "2019-12-10");
    expect(onDue.overdueActions).toBe(0);
    const dayAfter = await dashboardData(db, "2019-12-11");
    expect(dayAfter.overdueActions).toBe(1);
    expect(dayAfter.overdueList.map((x) => x.id)).toEqual([a!.id]);
    const newYear = await dashboardData(db, "2020-01-05");
    expect(newYear.overdueActions).toBe(2);
    expect(newYear.overdueList.map((x) => x.dueOn)).toEqual(["2019-12-10", "2019-12-31"]);
    expect(newYear.openActions).toBe(3);
    expect(newYear.actionsByStatus).toEqual({ open: 2, in_progress: 1, done: 1 });
  });

  it("leaves cancelled and archived meetings out, and shows planned ones as upcoming", async () => {
    const db = await seededDb();
    const cq = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!;
    const base = { partnerId: cq.id, kind: "meeting", timeZone: "Asia/Shanghai", createdAt: new Date(), updatedAt: new Date() };
    await db.insert(meeting)
      .values([
        { ...base, title: "Planned", status: "planned", startsAt: new Date("2020-03-02T02:00:00Z") },
        { ...base, title: "Cancelled", status: "cancelled", startsAt: new Date("2020-02-02T02:00:00Z") },
        { ...base, title: "Archived", status: "held", startsAt: new Date("2020-01-15T02:00:00Z"), archivedAt: new Date() },
        { ...base, title: "Held", status: "held", startsAt: new Date("2020-01-10T02:00:00Z") },
      ]);
    const d = await dashboardData(db, "2020-02-10", new Date("2020-02-10T00:00:00Z"));
    expect(d.meetingsThisYear).toBe(2);
    expect(d.meetingsLastYear).toBe(1);
    expect(d.upcoming.map((m) => m.title)).toEqual(["Planned"]);
    expect(d.coldest.at(-1)).toMatchObject({ partnerId: cq.id, days: 31 });
  });
});
