import { drizzle } from "drizzle-orm/better-sqlite3";
import { drizzle as pgDrizzle } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/audit";
import type { Db } from "@/db/client";
import { routeToTransaction } from "@/db/pg-context";
import { partnerActions, createAction } from "@/db/queries/actions";
import { recordHistory } from "@/db/queries/audit";
import { boardOwnerOptions, getBoard } from "@/db/queries/board";
import { followedIds, isFollowing } from "@/db/queries/follows";
import { createMeeting, listMeetings, partnerGifts } from "@/db/queries/meetings";
import { getPartnerBySlug, lastContact, partnerIsReferenced, partnerMilestones, partnerOptions, partnerPeople } from "@/db/queries/partners";
import { getHomeRegion } from "@/db/queries/settings";
import { timelineData, timelineListWindow } from "@/db/queries/timeline";
import { unscheduledVisits } from "@/db/queries/timeline-visits";
import { partnerVisits } from "@/db/queries/visit-views";
import * as schema from "@/db/schema";
import { isSqlite } from "@/db/tx";
import { parseBoardFilters } from "@/lib/board/filters";
import { parseTimelineParams } from "@/lib/timeline";
import { seededDb } from "../helpers/db";

// Issue 19: work per request follows what is shown, not the table size. Timing is no test on a
// shared machine, so this holds the structure instead: the SQL statements one request of the
// board, the timeline and a partner page issues are the same number on the demo data and on that
// data with many more meetings and actions. Each loader below calls the query functions its page
// (and the components it renders) calls, in the page's order; a loop of queries per row, lane or
// card would make the second count larger. Statements are counted by a drizzle logger on the
// test database's own connection, so both engines are counted the same way.

const TODAY = "2026-12-02";
const ZONE_USER = "bench-user";

type Loader = (db: Db) => Promise<unknown>;

const loaders: Record<string, Loader> = {
  board: async (db) => {
    const filters = parseBoardFilters({});
    await Promise.all([partnerOptions(db), boardOwnerOptions(db)]);
    await getBoard(db, filters, TODAY);
  },
  timeline: async (db) => {
    const filters = parseTimelineParams({});
    await Promise.all([getHomeRegion(db), partnerOptions(db)]);
    const data = await timelineData(db, filters, { today: TODAY });
    await timelineListWindow(db, data, filters, { expandYear: undefined });
    await unscheduledVisits(db, filters, data.lanes.map((l) => l.id));
  },
  "partner page": async (db) => {
    const p = await getPartnerBySlug(db, "chongqing");
    const [, , , actions] = await Promise.all([
      partnerMilestones(db, p.id),
      partnerPeople(db, p.id),
      listMeetings(db, { partnerId: p.id, size: 10 }),
      partnerActions(db, p.id),
      partnerGifts(db, p.id),
      lastContact(db, p.id),
    ]);
    await partnerIsReferenced(db, p.id);
    await isFollowing(db, { userId: ZONE_USER, type: "partner", id: p.id });
    await followedIds(db, { userId: ZONE_USER, type: "action", ids: actions.rows.map((a) => a.id) });
    await timelineData(db, { partners: [p.slug], kinds: [], from: null, to: null, q: null }, { today: TODAY });
    await partnerVisits(db, p.id, 21);
    await recordHistory(db, "partner", p.id);
  },
};

/** The same connection as `db`, with every statement drizzle sends counted. */
function counted(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const logger = { logQuery: () => void n++ };
  const logged = isSqlite(db)
    ? (drizzle(db.$client, { schema, logger }))
    : (routeToTransaction(pgDrizzle(db.$client as unknown as Pool, { schema: schema as never, logger })) as unknown as Db);
  return { db: logged, count: () => n };
}

/** Statements of each loader: one cold request, then a warm one (caches filled). */
async function statements(db: Db): Promise<Record<string, [number, number]>> {
  const out: Record<string, [number, number]> = {};
  for (const [name, load] of Object.entries(loaders)) {
    const c = counted(db);
    await load(c.db);
    const cold = c.count();
    await load(c.db);
    out[name] = [cold, c.count() - cold];
  }
  return out;
}

/** Adds `n` meetings to each partner, each with a participant and three follow-ups. */
async function grow(db: Db, n: number): Promise<void> {
  const partners = await partnerOptions(db);
  for (const p of partners)
    for (let i = 0; i < n; i++) {
      const m = await createMeeting(db, SYSTEM_ACTOR, {
        partnerId: p.id,
        title: `Growth meeting ${p.slug} ${i}`,
        kind: "meeting",
        status: i % 2 ? "held" : "planned",
        date: `20${10 + (i % 17)}-0${1 + (i % 9)}-1${i % 10}`,
        time: "10:00",
        timeZone: "Asia/Seoul",
        participants: [{ newPerson: { nameEn: `Growth guest ${p.slug} ${i}`, side: "partner" } }],
      });
      for (const [k, status] of (["open", "in_progress", "blocked"] as const).entries())
        await createAction(db, SYSTEM_ACTOR, { partnerId: p.id, meetingId: m.id, title: `Growth follow-up ${i}.${k}`, side: k % 2 ? "theirs" : "ours", status, dueOn: "2026-12-20" });
    }
}

describe("SQL statements per request", () => {
  it("are the same number for the board, the timeline and a partner page when the data grows fivefold", async () => {
    // The small size already has a card in every column, a meeting of every state and more
    // meetings and follow-ups per partner than its page lists (a short list is its own count), so
    // both sizes show the same parts of each page and only the rows behind them differ.
    const db = await seededDb();
    await grow(db, 11);
    const small = await statements(db);
    await grow(db, 44);
    const large = await statements(db);
    for (const name of Object.keys(loaders)) {
      expect(small[name]![0], `${name} issues statements`).toBeGreaterThan(0);
      expect(large[name], `${name}: [cold, warm] statements after the data grew`).toEqual(small[name]);
    }
  }, 120_000);
});
