import { isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action, meeting } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/db/audit";
import { reindexRecords } from "@/db/search";
import { listActions } from "@/db/queries/actions";
import { listMeetings, setMeetingArchived, WALK_FROM } from "@/db/queries/meetings";
import { seededDb } from "../helpers/db";

const TODAY = "2026-11-28";

describe("[PERF] kept list totals and the walked meeting search", () => {
  it("a kept /actions total and a kept /meetings total follow every write", async () => {
    const db = await seededDb();
    const before = await listActions(db, { today: TODAY, size: 1 });
    const again = await listActions(db, { today: TODAY, size: 1, page: 2 });
    expect(again.total).toBe(before.total);
    const { id: _a, ...a } = (await db.select().from(action).where(isNull(action.archivedAt)).limit(1))[0]!;
    await db.insert(action).values({ ...a, title: "Send the signed minutes" });
    expect((await listActions(db, { today: TODAY, size: 1 })).total).toBe(before.total + 1);

    const meetings = await listMeetings(db, { size: 1 });
    const m = (await db.select().from(meeting).where(isNull(meeting.archivedAt)).limit(1))[0]!;
    await setMeetingArchived(db, SYSTEM_ACTOR, m.id, true);
    expect((await listMeetings(db, { size: 1 })).total).toBe(meetings.total - 1);
  });

  it("a search with many matches pages in date order, the same rows as one sorted read", async () => {
    const db = await seededDb();
    const { id: _id, ...base } = (await db.select().from(meeting).limit(1))[0]!;
    const n = WALK_FROM + 400;
    const rows = Array.from({ length: n }, (_, i) => ({
      ...base,
      title: `Quincunx review ${i}`,
      // Ties on the minute, so the id breaks them.
      startsAt: new Date(Date.UTC(2019, 0, 1) + Math.floor(i / 3) * 60_000 * 7919),
      archivedAt: i % 13 === 0 ? new Date() : null,
    }));
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 200) ids.push(...(await db.insert(meeting).values(rows.slice(i, i + 200)).returning({ id: meeting.id })).map((r) => r.id));
    for (let i = 0; i < ids.length; i += 200) await reindexRecords(db, "meeting", ids.slice(i, i + 200));
    const live = await db.select({ id: meeting.id, startsAt: meeting.startsAt }).from(meeting).where(isNull(meeting.archivedAt));
    const expected = live
      .filter((r) => ids.includes(r.id))
      .sort((x, y) => y.startsAt.getTime() - x.startsAt.getTime() || y.id - x.id)
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(WALK_FROM);
    const size = 100;
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / size); page++) {
      const r = await listMeetings(db, { q: "quincunx", size, page });
      expect(r.total).toBe(expected.length);
      seen.push(...r.rows.map((x) => x.id));
    }
    expect(seen).toEqual(expected);
    const asc = await listMeetings(db, { q: "quincunx", size, sort: "starts_asc" });
    expect(asc.rows.map((x) => x.id)).toEqual([...expected].reverse().slice(0, size));
    expect((await listMeetings(db, { q: "quincunx", size, page: 999 })).rows).toEqual([]);
  });
});
