import { lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { meeting } from "@/db/schema";
import { seedScale } from "@/db/seed";
import { bucketsFromMonths, MAX_MEETING_MARKS, timelineData, timelineList } from "@/db/queries/timeline";
import { DAY, parseTimelineParams, type TimelineFilters } from "@/lib/timeline";
import { seededDb, onPostgres } from "../helpers/db";

const TODAY = "2026-11-28";
const ALL: TimelineFilters = { partners: [], kinds: [], from: null, to: null, q: null };
const utc = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe("[TIMELINE] lanes and marks from the demo data", () => {
  it("draws five lanes, oldest partnership first, each from its since-date", async () => {
    const db = await seededDb();
    const d = await timelineData(db, ALL, { today: TODAY });
    expect(d.lanes.map((l) => l.slug)).toEqual(["tianjin", "jiangsu", "jilin", "heilongjiang", "chongqing"]);
    expect(d.lanes.map((l) => new Date(l.start).toISOString().slice(0, 10))).toEqual(["2008-01-01", "2011-01-01", "2014-01-01", "2016-01-01", "2019-11-27"]);
    // Fit all: the first start to today, each end padded so no mark sits on the plot's edge.
    expect(d.from).toBeLessThan(utc("2008-01-01") - 200 * DAY);
    expect(d.to).toBeGreaterThan(utc(TODAY) + 200 * DAY);
    const meetings = d.marks.filter((m) => m.type === "meeting");
    expect(meetings).toHaveLength(1);
    expect(new Date(meetings[0]!.t).toISOString()).toBe("2019-11-27T07:00:00.000Z");
    expect(d.marks.filter((m) => m.type === "milestone")).toHaveLength(5);
    expect(d.buckets).toEqual([]);
  });

  it("keeps a year-precision start as the whole year, not 1 January", async () => {
    const db = await seededDb();
    const d = await timelineData(db, ALL, { today: TODAY });
    const tianjin = d.marks.find((m) => m.type === "milestone" && m.laneId === d.lanes[0]!.id);
    expect(tianjin).toMatchObject({ precision: "year", date: "2008-01-01", t: utc("2008-01-01"), end: utc("2009-01-01") });
    const cq = d.marks.find((m) => m.type === "milestone" && m.laneId === d.lanes[4]!.id);
    expect(cq).toMatchObject({ precision: "day", t: utc("2019-11-27"), end: utc("2019-11-28") });
    // A period that starts mid-2011 still shows Jiangsu's "2011", which overlaps it.
    const mid = await timelineData(db, { ...ALL, from: "2011-06-01", to: "2011-12-31" }, { today: TODAY });
    expect(mid.marks.map((m) => m.title)).toHaveLength(1);
    expect(mid.marks[0]).toMatchObject({ type: "milestone", date: "2011-01-01", precision: "year" });
    const after = await timelineData(db, { ...ALL, from: "2012-01-01", to: "2013-12-31" }, { today: TODAY });
    expect(after.marks).toEqual([]);
  });

  it("dashes the stretches without contact: Tianjin after 2008, Chongqing after its first month", async () => {
    const db = await seededDb();
    const d = await timelineData(db, ALL, { today: TODAY });
    expect(d.lanes[0]!.quiet).toEqual([[utc("2009-01-01"), utc(TODAY)]]);
    expect(d.lanes[4]!.quiet).toEqual([[utc("2019-12-01"), utc(TODAY)]]);
    // Seen from a day within the year after the meeting, Chongqing is not quiet yet.
    const early = await timelineData(db, ALL, { today: "2020-06-01" });
    expect(early.lanes[4]!.quiet).toEqual([]);
  });

  it("filters by partner, kind and text", async () => {
    const db = await seededDb();
    const cq = await timelineData(db, { ...ALL, partners: ["chongqing"] }, { today: TODAY });
    expect(cq.lanes.map((l) => l.slug)).toEqual(["chongqing"]);
    expect(cq.marks.map((m) => m.type).sort()).toEqual(["meeting", "milestone"]);
    const onlyMilestones = await timelineData(db, { ...ALL, kinds: ["milestone"] }, { today: TODAY });
    expect(onlyMilestones.marks.every((m) => m.type === "milestone")).toBe(true);
    expect(onlyMilestones.marks).toHaveLength(5);
    const calls = await timelineData(db, { ...ALL, kinds: ["video_call"] }, { today: TODAY });
    expect(calls.marks).toEqual([]);
    const meetingsOnly = await timelineData(db, { ...ALL, kinds: ["meeting"] }, { today: TODAY });
    expect(meetingsOnly.marks.map((m) => m.type)).toEqual(["meeting"]);
    const pangyo = await timelineData(db, { ...ALL, q: "Pangyo" }, { today: TODAY });
    expect(pangyo.marks.map((m) => m.type)).toEqual(["meeting"]);
    const initiated = await timelineData(db, { ...ALL, q: "initiated" }, { today: TODAY });
    expect(initiated.marks.map((m) => m.type)).toEqual(["milestone"]);
  });

  it("lists the same events grouped by year", async () => {
    const db = await seededDb();
    const d = await timelineData(db, ALL, { today: TODAY });
    const years = await timelineList(db, d, ALL);
    expect(years.map((y) => [y.year, y.count])).toEqual([
      [2008, 1],
      [2011, 1],
      [2014, 1],
      [2016, 1],
      [2019, 3],
    ]);
    expect(years.at(-1)!.events.map((e) => e.type)).toEqual(["milestone", "meeting"]);
    expect(years.at(-1)!.visits.map((v) => v.title)).toEqual(["Governor Lee Jae-myung's visit to Chongqing"]);
  });
});

describe("[TIMELINE] thinning at scale keeps the counts", () => {
  it.skipIf(onPostgres)("counts meetings per partner and year when the period holds too many, and draws each one when zoomed in", async () => {
    const db = await seededDb();
    await seedScale(db, 1500, 7);
    const d = await timelineData(db, ALL, { today: TODAY });
    const total = db.$client
      .prepare("select count(*) n from meeting where archived_at is null and starts_at >= ? and starts_at < ?")
      .get(d.from, d.to) as { n: number };
    expect(d.meetingCount).toBe(total.n);
    expect(d.meetingCount).toBeGreaterThan(MAX_MEETING_MARKS);
    expect(d.marks.every((m) => m.type === "milestone")).toBe(true);
    expect(d.buckets.length).toBeGreaterThan(0);
    expect(new Set(d.buckets.map((b) => b.unit))).toEqual(new Set(["year"]));
    expect(d.buckets.reduce((a, b) => a + b.count, 0)).toBe(total.n);
    // One partner's 2015, counted by hand.
    const b = d.buckets.find((x) => x.key === "2015-01-01" && x.laneId === d.lanes[0]!.id)!;
    const byHand = db.$client
      .prepare("select count(*) n from meeting where partner_id = ? and starts_at >= ? and starts_at < ?")
      .get(b.laneId, utc("2015-01-01"), utc("2016-01-01")) as { n: number };
    expect(b.count).toBe(byHand.n);

    const month = await timelineData(db, { ...ALL, from: "2015-03-01", to: "2015-03-31" }, { today: TODAY });
    const inMarch = db.$client
      .prepare("select count(*) n from meeting where starts_at >= ? and starts_at < ?")
      .get(utc("2015-03-01"), utc("2015-04-01")) as { n: number };
    expect(month.buckets).toEqual([]);
    expect(month.marks.filter((m) => m.type === "meeting")).toHaveLength(inMarch.n);
    expect(month.meetingCount).toBe(inMarch.n);
  });

  it.skipIf(onPostgres)("caps the list per year but keeps each year's full count", async () => {
    const db = await seededDb();
    await seedScale(db, 1500, 7);
    const d = await timelineData(db, ALL, { today: TODAY });
    const years = await timelineList(db, d, ALL, { perYear: 5 });
    expect(years.reduce((a, y) => a + y.count, 0)).toBe(d.meetingCount + d.marks.length + new Set(d.visits.map((v) => v.id)).size);
    expect(Math.max(...years.map((y) => y.events.length))).toBe(5);
    const expanded = await timelineList(db, d, ALL, { perYear: 5, expandYear: 2015 });
    const y2015 = expanded.find((y) => y.year === 2015)!;
    expect(y2015.events.length + y2015.visits.length).toBe(y2015.count);
    expect(y2015.events.map((e) => e.t)).toEqual([...y2015.events.map((e) => e.t)].sort((a, b) => a - b));
  });

  it.skipIf(onPostgres)("answers the same after a write (the cached aggregate is dropped)", async () => {
    const db = await seededDb();
    await seedScale(db, 600, 3);
    const before = await timelineData(db, ALL, { today: TODAY });
    await db.update(meeting).set({ archivedAt: new Date() }).where(lt(meeting.id, 50));
    const after = await timelineData(db, ALL, { today: TODAY });
    const live = db.$client.prepare("select count(*) n from meeting where archived_at is null and starts_at >= ? and starts_at < ?").get(after.from, after.to) as {
      n: number;
    };
    expect(after.meetingCount).toBe(live.n);
    expect(after.meetingCount).toBeLessThan(before.meetingCount);
  });

  it("rolls month counts into years without losing any", () => {
    const months = [
      { laneId: 1, month: "2015-01", count: 3 },
      { laneId: 1, month: "2015-12", count: 4 },
      { laneId: 2, month: "2015-06", count: 5 },
      { laneId: 1, month: "2016-02", count: 1 },
    ];
    expect(bucketsFromMonths(months, "year").map((b) => [b.laneId, b.key, b.count])).toEqual([
      [1, "2015-01-01", 7],
      [2, "2015-01-01", 5],
      [1, "2016-01-01", 1],
    ]);
    expect(bucketsFromMonths(months, "month")).toHaveLength(4);
    expect(bucketsFromMonths(months, "month")[1]).toMatchObject({ key: "2015-06-01", t: utc("2015-06-01"), end: utc("2015-07-01") });
  });
});

describe("[TIMELINE] URL parameters", () => {
  it("keeps what is valid and drops the rest", () => {
    expect(parseTimelineParams({ partner: ["chongqing", "chongqing", "Bad Slug!"], kind: ["milestone", "nope"], from: "2020-13-01", to: "2019-02-01", q: "  big data " })).toEqual({
      partners: ["chongqing"],
      kinds: ["milestone"],
      from: null,
      to: "2019-02-01",
      q: "big data",
    });
    expect(parseTimelineParams({ from: "2020-01-01", to: "2019-01-01" })).toMatchObject({ from: "2019-01-01", to: "2020-01-01" });
  });
});
