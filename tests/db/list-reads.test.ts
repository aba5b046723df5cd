import { and, eq, inArray, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { action, meeting, partner } from "@/db/schema";
import { listActions, partnerActions } from "@/db/queries/actions";
import { partnerOverview } from "@/db/queries/board";
import { createMeeting, listMeetings } from "@/db/queries/meetings";
import { SYSTEM_ACTOR } from "@/db/audit";
import { listPartnerPage } from "@/db/queries/partners";
import { timelineData } from "@/db/queries/timeline";
import { monthsWithMeetings } from "@/db/queries/timeline-months";
import { UNFINISHED_ACTION_STATUSES } from "@/lib/domain";
import { parseTimelineParams } from "@/lib/timeline";
import { onPostgres, seededDb } from "../helpers/db";

const TODAY = "2026-11-28";
const UNFINISHED: readonly string[] = UNFINISHED_ACTION_STATUSES;

/** Copies of a demo action with varied due dates (some undated, some equal), so order ties and NULLs are exercised. */
async function moreActions(db: Db, n: number) {
  const base = (await db.select().from(action).where(eq(action.status, "open")).limit(1))[0]!;
  const { id: _id, ...rest } = base;
  const rows = Array.from({ length: n }, (_, i) => ({
    ...rest,
    title: `Copy ${i}`,
    dueOn: i % 5 === 0 ? null : `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 3) + 10)}`,
    archivedAt: i % 17 === 0 ? new Date() : null,
  }));
  await db.insert(action).values(rows);
}

/** Copies of a demo meeting across partners and years, some on a month's first and last millisecond. */
async function moreMeetings(db: Db, n: number) {
  const { id: _id, ...base } = (await db.select().from(meeting).limit(1))[0]!;
  const partners = (await db.select({ id: partner.id }).from(partner)).map((p) => p.id);
  const rows = Array.from({ length: n }, (_, i) => {
    const month = Date.UTC(2018 + (i % 8), (i * 5) % 12, 1);
    const startsAt = new Date(i % 3 === 0 ? month : i % 3 === 1 ? month - 1 : month + i * 3_600_000);
    return { ...base, title: `Copy ${i}`, partnerId: partners[i % partners.length]!, startsAt, status: i % 4 === 0 ? "planned" : "held", archivedAt: i % 11 === 0 ? new Date() : null };
  });
  await db.insert(meeting).values(rows);
}

const dueOrder = (a: { dueOn: string | null; id: number }, b: { dueOn: string | null; id: number }) =>
  a.dueOn === b.dueOn ? a.id - b.id : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;

describe("[PERF] lists that page and count off indexes read the same rows", () => {
  it("/actions pages in due order (undated last) add up to one full ordered read, with and without filters", async () => {
    const db = await seededDb();
    await moreActions(db, 60);
    const live = await db.select({ id: action.id, dueOn: action.dueOn, status: action.status, partnerId: action.partnerId }).from(action).where(isNull(action.archivedAt));
    for (const f of [{}, { status: "unfinished" as const }, { partner: live[0]!.partnerId }]) {
      const expected = live
        .filter((a) => !("status" in f) || UNFINISHED.includes(a.status))
        .filter((a) => !("partner" in f) || a.partnerId === f.partner)
        .sort(dueOrder)
        .map((a) => a.id);
      const seen: number[] = [];
      for (let page = 1; page <= Math.ceil(expected.length / 7) + 1; page++) {
        const r = await listActions(db, { ...f, today: TODAY, size: 7, page });
        expect(r.total).toBe(expected.length);
        seen.push(...r.rows.map((x) => x.id));
      }
      expect(seen).toEqual(expected);
    }
  });

  it("partner tiles, the partner list and the partner page count open, overdue and meetings per partner exactly", async () => {
    const db = await seededDb();
    await moreActions(db, 40);
    const acts = await db.select().from(action).where(and(isNull(action.archivedAt), inArray(action.status, [...UNFINISHED])));
    const meetings = await db.select().from(meeting).where(isNull(meeting.archivedAt));
    const partners = await db.select().from(partner).where(isNull(partner.archivedAt));
    const tiles = await partnerOverview(db, TODAY);
    const list = (await listPartnerPage(db, { size: 100 })).rows;
    for (const p of partners) {
      const open = acts.filter((a) => a.partnerId === p.id);
      const held = meetings.filter((m) => m.partnerId === p.id && m.status === "held").map((m) => m.startsAt.getTime());
      const last = held.length ? new Date(Math.max(...held)) : null;
      const tile = tiles.find((t) => t.id === p.id)!;
      expect([tile.openCount, tile.overdueCount, tile.lastContactAt]).toEqual([open.length, open.filter((a) => a.dueOn !== null && a.dueOn < TODAY).length, last?.toISOString() ?? null]);
      const row = list.find((r) => r.id === p.id)!;
      expect([row.openActionCount, row.meetingCount, row.lastContactAt?.getTime() ?? null]).toEqual([open.length, meetings.filter((m) => m.partnerId === p.id).length, last?.getTime() ?? null]);
      const page = await partnerActions(db, p.id, 5);
      expect(page.total).toBe(open.length);
      expect(page.rows.map((r) => r.id)).toEqual([...open].sort(dueOrder).slice(0, 5).map((a) => a.id));
    }
    const recent = (await listPartnerPage(db, { sort: "recent", size: 100 })).rows.map((r) => r.lastContactAt?.getTime() ?? -Infinity);
    expect(recent).toEqual([...recent].sort((a, b) => b - a));
  });

  it("meeting pages, newest first with ties by id, add up to one full ordered read", async () => {
    const db = await seededDb();
    await moreMeetings(db, 80);
    const all = await db.select({ id: meeting.id, startsAt: meeting.startsAt }).from(meeting).where(isNull(meeting.archivedAt));
    const expected = all.sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id - a.id).map((m) => m.id);
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / 9); page++) seen.push(...(await listMeetings(db, { size: 9, page })).rows.map((r) => r.id));
    expect(seen).toEqual(expected);
  });

  it("a search's pages add up to its whole list, each with the whole count, also past the last page", async () => {
    const db = await seededDb();
    const partners = (await db.select({ id: partner.id }).from(partner)).map((p) => p.id);
    for (let i = 0; i < 5; i++)
      await createMeeting(db, SYSTEM_ACTOR, {
        partnerId: partners[i % partners.length]!,
        title: `Paging probe ${i}`,
        kind: "meeting",
        status: "held",
        date: `2020-0${1 + i}-10`,
        time: "10:00",
        timeZone: "Asia/Seoul",
        participants: [{ newPerson: { nameEn: `Probe guest ${i}`, side: "partner" } }],
      });
    const whole = await listMeetings(db, { q: "probe", size: 100 });
    expect(whole.total).toBeGreaterThan(2);
    expect(whole.rows).toHaveLength(whole.total);
    const seen: number[] = [];
    for (let page = 1; page <= whole.total; page++) {
      const p = await listMeetings(db, { q: "probe", size: 1, page });
      expect(p.total).toBe(whole.total);
      seen.push(...p.rows.map((r) => r.id));
    }
    expect(seen).toEqual(whole.rows.map((r) => r.id));
    expect(whole.total).toBe(5);
    expect(await listMeetings(db, { q: "probe", size: 1, page: whole.total + 1 })).toMatchObject({ rows: [], total: whole.total });
    expect(await listMeetings(db, { q: "no such words anywhere" })).toMatchObject({ rows: [], total: 0 });
  });

  it("meeting counts by kind or status match the rows", async () => {
    const db = await seededDb();
    const all = await db.select().from(meeting).where(isNull(meeting.archivedAt));
    for (const f of [{ kind: "visit" }, { status: "held" }, { kind: "call", status: "held" }])
      expect((await listMeetings(db, { ...f, size: 1, page: 2 })).total).toBe(all.filter((m) => (!f.kind || m.kind === f.kind) && (!("status" in f) || m.status === f.status)).length);
  });

  it("the timeline's months with meetings, and their counts, match a grouping of the rows", async () => {
    const db = await seededDb();
    await moreMeetings(db, 150);
    const all = await db.select().from(meeting).where(isNull(meeting.archivedAt));
    const ids = [...new Set(all.map((m) => m.partnerId))];
    const from = Date.UTC(2019, 5, 15);
    const to = Date.UTC(2025, 2, 1);
    const expected = (keep: (m: (typeof all)[number]) => boolean) => {
      const sums = new Map<string, number>();
      for (const m of all.filter(keep)) {
        const k = `${m.partnerId}|${m.startsAt.toISOString().slice(0, 7)}`;
        sums.set(k, (sums.get(k) ?? 0) + 1);
      }
      return [...sums.entries()].sort();
    };
    const got = (rows: { laneId: number; month: string; count: number }[]) => rows.map((r) => [`${r.laneId}|${r.month}`, r.count] as [string, number]).sort();
    expect(got(await monthsWithMeetings(db, ids, { from, to, count: true }))).toEqual(expected((m) => m.startsAt.getTime() >= from && m.startsAt.getTime() < to));
    expect(got(await monthsWithMeetings(db, ids, { where: eq(meeting.status, "held"), count: true }))).toEqual(expected((m) => m.status === "held"));
    expect(expected(() => true).length).toBeGreaterThan(10);
  });
});

/** Every statement a call runs on SQLite, with its query plan. */
async function plansOf(db: Db, fn: () => Promise<unknown>): Promise<{ sql: string; plan: string }[]> {
  const client = db.$client;
  const prepare = client.prepare.bind(client);
  const seen: string[] = [];
  client.prepare = (src: string) => (seen.push(src), prepare(src));
  try {
    await fn();
  } finally {
    client.prepare = prepare;
  }
  return seen
    .filter((s) => /^\s*(select|with)/i.test(s))
    .map((s) => {
      const params: number[] = new Array<number>((s.match(/\?/g) ?? []).length).fill(1);
      const plan = (prepare(`explain query plan ${s}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");
      return { sql: s, plan };
    });
}

describe("[PERF] SQLite reads these pages off indexes, whatever the data size", () => {
  // About SQLite's query planner: PostgreSQL plans differently and its plans are not asserted here.
  it.skipIf(onPostgres)("no whole-table sort or grouping for /actions, partner tiles, the partner list and page, and the timeline", async () => {
    const { seedScale } = await import("@/db/seed");
    const db = await seededDb();
    await seedScale(db, 600, 3);
    const cq = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!.id;
    const actions = await plansOf(db, () => listActions(db, { today: TODAY, page: 3 }));
    const seen = new Map<string, Awaited<ReturnType<typeof plansOf>>>();
    expect(actions.map((s) => s.plan).join("\n")).toMatch(/SCAN action USING (COVERING )?INDEX action_live_order_idx/);
    for (const [name, fn] of [
      ["tiles", () => partnerOverview(db, TODAY)],
      ["partner list", () => listPartnerPage(db, {})],
      ["partner page", () => partnerActions(db, cq)],
      ["kind count", () => listMeetings(db, { kind: "visit", page: 2 })],
      ["timeline", () => timelineData(db, parseTimelineParams({}), { today: TODAY })],
    ] as const) {
      const plans = await plansOf(db, fn);
      seen.set(name, plans);
      for (const s of plans) {
        expect(s.plan, `${name}: ${s.sql}`).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
        expect(s.plan, `${name}: ${s.sql}`).not.toMatch(/^SCAN (action|meeting)$/m);
      }
    }
    const page = (await plansOf(db, () => partnerActions(db, cq))).map((s) => s.plan).join("\n");
    expect(page).toMatch(/action_live_partner_order_idx/);
    expect(page).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    // The tiles' counts are kept until a write (partner-counts.ts): their plans are the first read's.
    const tiles = seen.get("tiles")!.map((s) => s.plan).join("\n");
    expect(tiles).toMatch(/SEARCH action USING (COVERING )?INDEX action_live_partner_idx/);
  });
});
