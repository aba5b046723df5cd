import { isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { listVisits, type VisitPeriod } from "@/db/queries/visit-views";
import { visit } from "@/db/schema";
import { seedScale } from "@/db/seed";
import { seededDb, onPostgres } from "../helpers/db";

// /visits reads the upcoming visits and the past ones in two index-ordered reads; the pages
// must still run through every visit once, in the screen's order.

const TODAY = "2018-06-01";

describe("the visits list at scale", () => {
  it.skipIf(onPostgres)("[VISITS] pages run through upcoming visits soonest first (to be scheduled last), then past ones newest first, each visit once", async () => {
    const db = await seededDb();
    await seedScale(db, 800, 4);
    const all = await db.select().from(visit).where(isNull(visit.archivedAt));
    const until = (v: (typeof all)[number]) => (v.startsOn === null ? "9999-12-31" : (v.endsOn ?? v.startsOn));
    const soon = all
      .filter((v) => until(v) >= TODAY)
      .sort((a, b) => Number(a.startsOn === null) - Number(b.startsOn === null) || (a.startsOn ?? "").localeCompare(b.startsOn ?? "") || a.id - b.id);
    const past = all.filter((v) => until(v) < TODAY).sort((a, b) => b.startsOn!.localeCompare(a.startsOn!) || b.id - a.id);
    expect(soon.length).toBeGreaterThan(10);
    expect(past.length).toBeGreaterThan(10);

    const pages = async (period: VisitPeriod) => {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const r = await listVisits(db, { today: TODAY, period, page, size: 7 });
        ids.push(...r.rows.map((v) => v.id));
        if (r.rows.length < 7) return { ids, total: r.total };
      }
    };
    expect(await pages("all")).toEqual({ ids: [...soon, ...past].map((v) => v.id), total: all.length });
    expect((await pages("upcoming")).ids).toEqual(soon.map((v) => v.id));
    expect((await pages("past")).ids).toEqual(past.map((v) => v.id));
  });

  it.skipIf(onPostgres)("[VISITS] a page of /visits reads visits through indexes and sorts only the upcoming ones (EXPLAIN QUERY PLAN)", async () => {
    const db = await seededDb();
    await seedScale(db, 300, 2);
    // A page across the boundary: its last rows are past visits.
    const soon = (await listVisits(db, { today: TODAY, period: "upcoming" })).total;
    const seen = new Set<string>();
    const prepare = db.$client.prepare.bind(db.$client);
    db.$client.prepare = ((q: string) => {
      seen.add(q);
      return prepare(q);
    });
    const r = await listVisits(db, { today: TODAY, period: "all", size: soon + 3 });
    expect(r.rows).toHaveLength(soon + 3);
    db.$client.prepare = prepare;
    const plans = [...seen].map((q) => ({
      q,
      plan: (db.$client.prepare(`explain query plan ${q}`).all(...(q.match(/\?/g) ?? []).map(() => "x")) as { detail: string }[]).map((p) => p.detail),
    }));
    const reads = plans.filter((p) => /^select "visit"\."id"/.test(p.q));
    expect(reads).toHaveLength(2);
    const [upcoming, past] = reads;
    expect(upcoming!.plan[0]).toMatch(/^SEARCH visit USING INDEX visit_live_until_idx/);
    expect(past!.plan[0]).toMatch(/^SEARCH visit USING INDEX visit_live_until_idx|^SCAN visit USING INDEX visit_live_starts_idx|^SEARCH visit USING INDEX visit_live_starts_idx/);
    expect(past!.plan.join("\n")).not.toMatch(/TEMP B-TREE/);
    // Counting is an index-only walk; nothing reads the visit rows one by one to sort them all.
    expect(plans.flatMap((p) => p.plan).filter((d) => /^SCAN visit$/.test(d))).toEqual([]);
  });
});
