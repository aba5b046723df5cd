import { describe, expect, it } from "vitest";
import { timelineData, timelineList } from "@/db/queries/timeline";
import { MAX_VISIT_SPANS, UNSCHEDULED_LISTED, unscheduledVisits } from "@/db/queries/timeline-visits";
import { createVisit } from "@/db/queries/visits";
import { visit, visitPartner } from "@/db/schema";
import { DAY, isoDay, type TimelineFilters } from "@/lib/timeline";
import { fitPeriod, groupRow, pixelScale, stackLevels, ticksFor, visitSpan } from "@/lib/timeline-geometry";
import { EDITOR, seededDb } from "../helpers/db";

const TODAY = "2026-11-28";
const ALL: TimelineFilters = { partners: [], kinds: [], from: null, to: null, q: null };
const utc = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe("[TIMELINE] geometry", () => {
  it("a month-precision visit spans its month, a day visit its days, a year visit its year", () => {
    expect(visitSpan("2019-11-01", null, "month")).toEqual({ t: utc("2019-11-01"), end: utc("2019-12-01") });
    expect(visitSpan("2019-11-25", "2019-11-29", "day")).toEqual({ t: utc("2019-11-25"), end: utc("2019-11-30") });
    expect(visitSpan("2019-11-25", null, "day")).toEqual({ t: utc("2019-11-25"), end: utc("2019-11-26") });
    expect(visitSpan("2020-01-01", "2021-01-01", "year")).toEqual({ t: utc("2020-01-01"), end: utc("2022-01-01") });
    expect(visitSpan("not a date", null, "day")).toBeNull();
  });

  it("marks closer than the gap form one group with their count and period; others stay single", () => {
    const at = (x: number, t: number, count = 1) => ({ x, t0: t, t1: t + DAY, count, item: `${x}` });
    const groups = groupRow([at(100, 10 * DAY), at(50, 1 * DAY), at(110, 11 * DAY, 5), at(200, 20 * DAY), at(120, 12 * DAY)], 24);
    expect(groups.map((g) => g.items)).toEqual([["50"], ["100", "110", "120"], ["200"]]);
    expect(groups[1]).toMatchObject({ x: 110, count: 7, t0: 10 * DAY, t1: 13 * DAY });
    // Any two drawn groups are at least the gap apart.
    const xs = groups.map((g) => g.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(24);
  });

  it("a month of meetings groups at the decade scale and separates at the 1-year scale", () => {
    const days = [1, 4, 8, 12, 15, 19, 22, 26].map((d) => utc(`2026-10-${String(d).padStart(2, "0")}`));
    const place = (view: { from: number; to: number }) => {
      const x = pixelScale(view, 190, 1100);
      return groupRow(days.map((t) => ({ x: x(t), t0: t, t1: t + DAY, count: 1, item: t })));
    };
    expect(place({ from: utc("2016-01-01"), to: utc("2027-01-01") })).toHaveLength(1);
    // 1 year over 1100 px is 3 px a day: meetings 3 or 4 days apart would overlap, so they group.
    const year = place({ from: utc("2025-12-01"), to: utc("2026-12-31") });
    expect(year.map((g) => g.count)).toEqual([8]);
    expect(place({ from: utc("2026-09-25"), to: utc("2026-11-05") })).toHaveLength(8);
  });

  it("overlapping visits on one lane take separate levels", () => {
    expect(stackLevels([{ x1: 0, x2: 50 }, { x1: 20, x2: 80 }, { x1: 60, x2: 90 }, { x1: 100, x2: 120 }])).toEqual([0, 1, 0, 0]);
  });

  it("Fit all pads both ends by a share of the span, and the axis has at least three labels on a phone", () => {
    const { from, to } = fitPeriod(utc("2008-01-01"), utc(TODAY));
    const span = utc(TODAY) - utc("2008-01-01");
    expect(utc("2008-01-01") - from).toBeGreaterThanOrEqual(span * 0.05 - DAY);
    expect(to - utc(TODAY)).toBeGreaterThanOrEqual(span * 0.05 - DAY);
    for (const view of [{ from, to }, { from: utc(TODAY) - 335 * DAY, to: utc(TODAY) + 30 * DAY }, { from: utc(TODAY) - 60 * DAY, to: utc(TODAY) + 30 * DAY }])
      expect(ticksFor(view.from, view.to, 290, 64).ticks.length).toBeGreaterThanOrEqual(3);
  });
});

describe("[TIMELINE] visits from the database", () => {
  it("draws the governor's Chongqing visit over November 2019 and lists the unscheduled delegation", async () => {
    const db = await seededDb();
    const d = await timelineData(db, ALL, { today: TODAY });
    const cq = d.lanes.find((l) => l.slug === "chongqing")!;
    expect(d.visits).toHaveLength(1);
    expect(d.visits[0]).toMatchObject({ laneId: cq.id, title: "Governor Lee Jae-myung's visit to Chongqing", status: "completed", direction: "outgoing", precision: "month", t: utc("2019-11-01"), end: utc("2019-12-01") });
    const un = await unscheduledVisits(db, ALL, d.lanes.map((l) => l.id));
    expect(un.rows.map((v) => v.title)).toEqual(["Chongqing delegation to Gyeonggi Province, led by Mayor Tang Liangzhi"]);
    expect(un.total).toBe(1);
    const years = await timelineList(db, d, ALL);
    expect(years.find((y) => y.year === 2019)!.visits.map((v) => v.id)).toEqual([d.visits[0]!.id]);
    // A period that misses November 2019, and an event filter without visits, leave it out.
    expect((await timelineData(db, { ...ALL, from: "2019-12-01", to: "2020-12-31" }, { today: TODAY })).visits).toEqual([]);
    expect((await timelineData(db, { ...ALL, from: "2019-11-30", to: "2019-12-31" }, { today: TODAY })).visits).toHaveLength(1);
    expect((await timelineData(db, { ...ALL, kinds: ["milestone"] }, { today: TODAY })).visits).toEqual([]);
    expect(MAX_VISIT_SPANS).toBeGreaterThan(0);
  });

  it("a visit of two partners is drawn on both lanes and listed once; a new visit shows at once (the lane cache is dropped by any write)", async () => {
    const db = await seededDb();
    const before = await timelineData(db, ALL, { today: TODAY });
    const tianjin = before.lanes.find((l) => l.slug === "tianjin")!;
    const jilin = before.lanes.find((l) => l.slug === "jilin")!;
    expect(tianjin.quiet).toEqual([[utc("2009-01-01"), utc(TODAY)]]);
    await createVisit(db, EDITOR, { direction: "incoming", title: "Northern delegation", status: "completed", startsOn: "2015-05-10", endsOn: "2015-05-12", datePrecision: "day", partnerIds: [tianjin.id, jilin.id] });
    const after = await timelineData(db, ALL, { today: TODAY });
    const spans = after.visits.filter((v) => v.title === "Northern delegation");
    expect(spans.map((v) => v.laneId).sort()).toEqual([tianjin.id, jilin.id].sort());
    expect(spans[0]).toMatchObject({ t: utc("2015-05-10"), end: utc("2015-05-13") });
    // A held visit is contact: Tianjin's quiet stretch is broken by it.
    expect(after.lanes.find((l) => l.id === tianjin.id)!.quiet).toEqual([
      [utc("2009-01-01"), utc("2015-05-10")],
      [utc("2015-05-13"), utc(TODAY)],
    ]);
    const years = await timelineList(db, after, ALL);
    expect(years.find((y) => y.year === 2015)!.visits.map((v) => v.title)).toEqual(["Northern delegation"]);
  });

  it("a period with more visits than the chart draws one by one counts them per partner and year, and the list still counts each visit once", async () => {
    const db = await seededDb();
    const lanes = (await timelineData(db, ALL, { today: TODAY })).lanes;
    const tianjin = lanes.find((l) => l.slug === "tianjin")!;
    const jilin = lanes.find((l) => l.slug === "jilin")!;
    // One visit every other day from 2016-01-01: 183 in 2016 (a leap year) and 137 in 2017; every
    // fifth is Jilin's as well.
    const n = MAX_VISIT_SPANS + 20;
    const ids = await db
      .insert(visit)
      .values(Array.from({ length: n }, (_, i) => ({ direction: "incoming", title: `Bulk visit ${String(i).padStart(3, "0")}`, status: "completed", startsOn: isoDay(utc("2016-01-01") + 2 * i * DAY), datePrecision: "day" })))
      .returning({ id: visit.id });
    await db.insert(visitPartner).values(ids.flatMap((r, i) => [{ visitId: r.id, partnerId: tianjin.id }, ...(i % 5 === 0 ? [{ visitId: r.id, partnerId: jilin.id, position: 1 }] : [])]));

    const d = await timelineData(db, ALL, { today: TODAY });
    expect(d.visits).toEqual([]);
    const count = (laneId: number, key: string) => d.visitBuckets.find((b) => b.laneId === laneId && b.key === key)?.count;
    expect(d.visitBuckets.every((b) => b.unit === "year")).toBe(true);
    expect([count(tianjin.id, "2016-01-01"), count(tianjin.id, "2017-01-01"), count(jilin.id, "2016-01-01"), count(jilin.id, "2017-01-01")]).toEqual([183, 137, 37, 27]);
    // The seeded governor's visit is counted too, on its own lane and year.
    expect(count(lanes.find((l) => l.slug === "chongqing")!.id, "2019-01-01")).toBe(1);
    expect(d.visitBuckets.find((b) => b.key === "2016-01-01")).toMatchObject({ t: utc("2016-01-01"), end: utc("2017-01-01") });

    // Zoomed in to a month, the same visits are drawn one by one, on both lanes where shared.
    const march = await timelineData(db, { ...ALL, from: "2016-03-01", to: "2016-03-31" }, { today: TODAY });
    expect(march.visitBuckets).toEqual([]);
    expect(new Set(march.visits.map((v) => v.id)).size).toBe(16);
    expect(march.visits.filter((v) => v.laneId === jilin.id)).toHaveLength(4);

    // The list counts a shared visit once, as the unbucketed list of the same year does, and lists
    // the year's first visits by date.
    const all = await timelineList(db, d, ALL);
    const year2016 = await timelineData(db, { ...ALL, from: "2016-01-01", to: "2016-12-31" }, { today: TODAY });
    expect(year2016.visitBuckets).toEqual([]);
    const alone = (await timelineList(db, year2016, { ...ALL, from: "2016-01-01", to: "2016-12-31" })).find((y) => y.year === 2016)!;
    const listed = all.find((y) => y.year === 2016)!;
    expect(listed.count).toBe(alone.count);
    expect(listed.visits.length).toBeGreaterThan(0);
    expect(listed.visits.map((v) => v.title)).toEqual(listed.visits.map((_, i) => `Bulk visit ${String(i).padStart(3, "0")}`));
    expect(all.find((y) => y.year === 2019)!.visits.map((v) => v.title)).toContain("Governor Lee Jae-myung's visit to Chongqing");
  });

  it("lists the first visits to be scheduled once each, however many partners they have, and counts them all", async () => {
    const db = await seededDb();
    const lanes = (await timelineData(db, ALL, { today: TODAY })).lanes;
    const ids = lanes.map((l) => l.id);
    const [a, b] = lanes;
    const made = await db
      .insert(visit)
      .values(Array.from({ length: UNSCHEDULED_LISTED + 5 }, (_, i) => ({ direction: "outgoing", title: `Someday ${i}`, status: "idea", datePrecision: "day" })))
      .returning({ id: visit.id });
    await db.insert(visitPartner).values(made.flatMap((r) => [{ visitId: r.id, partnerId: a!.id }, { visitId: r.id, partnerId: b!.id, position: 1 }]));
    const un = await unscheduledVisits(db, ALL, ids);
    expect(un.total).toBe(UNSCHEDULED_LISTED + 6);
    expect(un.rows).toHaveLength(UNSCHEDULED_LISTED);
    expect(new Set(un.rows.map((v) => v.id)).size).toBe(UNSCHEDULED_LISTED);
    // A shared visit is listed on its first lane of those drawn.
    const shared = un.rows.find((v) => v.title === "Someday 0")!;
    expect(shared.laneId).toBe(Math.min(a!.id, b!.id));
    expect((await unscheduledVisits(db, { ...ALL, q: "Someday 2" }, ids)).total).toBe(6);
  });
});
