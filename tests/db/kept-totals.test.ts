import { eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action, meeting, partner, visit, visitPartner } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/db/audit";
import { reindexRecords } from "@/db/search";
import { listActions } from "@/db/queries/actions";
import { listMeetings, setMeetingArchived, WALK_FROM } from "@/db/queries/meetings";
import { PARTNER_WALK_FROM, partnerVisits } from "@/db/queries/visit-views";
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

  it("a partner with many visits lists the same ones, in the same order, as one sorted read", async () => {
    const db = await seededDb();
    const [p, other] = await db.select({ id: partner.id }).from(partner).orderBy(partner.id).limit(2);
    const n = PARTNER_WALK_FROM + 300;
    const rows = Array.from({ length: n }, (_, i) => ({
      direction: i % 2 ? "incoming" : "outgoing",
      title: `Walked visit ${i}`,
      status: "planned",
      // Every 50th to be scheduled; ties on the day, so the id breaks them.
      startsOn: i % 50 === 7 ? null : new Date(Date.UTC(2010, 0, 1) + Math.floor(i / 4) * 86_400_000 * 3).toISOString().slice(0, 10),
      archivedAt: i % 17 === 0 ? new Date() : null,
    }));
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 200) ids.push(...(await db.insert(visit).values(rows.slice(i, i + 200)).returning({ id: visit.id })).map((r) => r.id));
    // Most are this partner's, a few the other's, some both partners'.
    const links = ids.flatMap((id, i) => (i % 9 === 0 ? [{ visitId: id, partnerId: other!.id }] : i % 5 === 0 ? [{ visitId: id, partnerId: p!.id }, { visitId: id, partnerId: other!.id, position: 1 }] : [{ visitId: id, partnerId: p!.id }]));
    for (let i = 0; i < links.length; i += 300) await db.insert(visitPartner).values(links.slice(i, i + 300));

    const mine = new Set((await db.select({ id: visitPartner.visitId }).from(visitPartner).where(eq(visitPartner.partnerId, p!.id))).map((r) => r.id));
    const live = await db.select({ id: visit.id, startsOn: visit.startsOn }).from(visit).where(isNull(visit.archivedAt));
    const expected = live
      .filter((v) => mine.has(v.id))
      .sort((x, y) => (x.startsOn === null) !== (y.startsOn === null) ? (x.startsOn === null ? -1 : 1) : (y.startsOn ?? "").localeCompare(x.startsOn ?? "") || y.id - x.id)
      .map((v) => v.id);
    expect(expected.length).toBeGreaterThan(PARTNER_WALK_FROM);
    expect((await partnerVisits(db, p!.id, 21)).map((v) => v.id)).toEqual(expected.slice(0, 21));
    // Those to be scheduled only, past them into the dated, and the whole list.
    const undated = live.filter((v) => mine.has(v.id) && v.startsOn === null).length;
    expect(undated).toBeGreaterThan(5);
    expect((await partnerVisits(db, p!.id, 5)).map((v) => v.id)).toEqual(expected.slice(0, 5));
    expect((await partnerVisits(db, p!.id, undated + 30)).map((v) => v.id)).toEqual(expected.slice(0, undated + 30));
    expect((await partnerVisits(db, p!.id, n)).map((v) => v.id)).toEqual(expected);
    // The other partner (few visits of its own) is read the sorted way and agrees too.
    const theirs = new Set((await db.select({ id: visitPartner.visitId }).from(visitPartner).where(eq(visitPartner.partnerId, other!.id))).map((r) => r.id));
    const got = (await partnerVisits(db, other!.id, 30)).map((v) => v.id);
    expect(got.every((id) => theirs.has(id))).toBe(true);
    expect(got.length).toBe(30);
  });
});
