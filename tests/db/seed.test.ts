import { count, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action, auditEvent, checklistItem, gift, meeting, partner, person, programmeItem, travelLeg, visit, visitMember, visitPartner } from "@/db/schema";
import { getVisit } from "@/db/queries/visit-views";
import { findConflicts } from "@/lib/visits/conflicts";
import { seedDemo, seedScale } from "@/db/seed";
import { listPartners } from "@/db/queries/partners";
import { getMeeting } from "@/db/queries/meetings";
import { seededDb, testDb, onPostgres } from "../helpers/db";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { beginBulkLoad } from "@/db/seed-bulk";

describe("[SEED] demo data from the source article", () => {
  it("seeds five partners in order of their start, with their precision", async () => {
    const db = await seededDb();
    const ps = await listPartners(db);
    expect(ps.map((p) => [p.slug, p.sinceDate, p.sincePrecision])).toEqual([
      ["tianjin", "2008-01-01", "year"],
      ["jiangsu", "2011-01-01", "year"],
      ["jilin", "2014-01-01", "year"],
      ["heilongjiang", "2016-01-01", "year"],
      ["chongqing", "2019-11-27", "day"],
    ]);
    const cq = ps.find((p) => p.slug === "chongqing")!;
    expect([cq.nameKo, cq.nameLocal, cq.level]).toEqual(["충칭시", "重庆市", "cooperation"]);
    expect(ps.filter((p) => p.level === "friendship")).toHaveLength(4);
  });

  it("seeds the 27 Nov 2019 meeting with its people, three gifts and three follow-ups", async () => {
    const db = await seededDb();
    const m = await getMeeting(db, (await db.select({ id: meeting.id }).from(meeting).limit(1))[0]!.id);
    expect(m.startsAt.toISOString()).toBe("2019-11-27T07:00:00.000Z");
    expect(m.timeZone).toBe("Asia/Shanghai");
    expect([m.attendeeCount, m.durationMinutes]).toEqual([30, 60]);
    expect(m.venue).toBe("Foreign Affairs Office of the Chongqing Municipal People's Government");
    expect(m.participants.map((p) => p.person.nameEn).sort()).toEqual(["Lee Jae-myung", "Lim Mun-yeong", "Luo Qingchen", "Tang Liangzhi"]);
    expect(m.gifts.map((g) => [g.direction, g.item])).toEqual([
      ["given", 'White porcelain "Moon Jar"'],
      ["received", "Romance of the Three Kingdoms, in Chinese and English"],
      ["received", "Handcrafted fan"],
    ]);
    expect(m.actions.map((a) => a.side)).toEqual(["ours", "theirs", "theirs"]);
    expect(m.actions.some((a) => a.title.includes("Pangyo Techno Valley"))).toBe(true);
  });

  it("is a no-op when run again", async () => {
    const db = await seededDb();
    const counts = () =>
      Promise.all([partner, person, meeting, gift, action, auditEvent].map(async (t) => (await db.select({ n: count() }).from(t).limit(1))[0]!.n));
    const before = await counts();
    expect(before.every((n) => n > 0)).toBe(true);
    expect(await seedDemo(db)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("records the seed in the audit trail", async () => {
    const db = await seededDb();
    const n = (await db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.recordType, "meeting")).limit(1))[0]!.n;
    expect(n).toBe(1);
  });
});

describe("[SEED] synthetic scale data", () => {
  it.skipIf(onPostgres)("is deterministic from its seed number", async () => {
    const titles = async (seed: number) => {
      const db = await seededDb();
      await seedScale(db, 50, seed);
      return (await db.select({ t: meeting.title, s: meeting.startsAt }).from(meeting)).map((r) => `${r.t}@${r.s.getTime()}`);
    };
    const a = await titles(7);
    expect(a).toHaveLength(51);
    expect(await titles(7)).toEqual(a);
    expect(await titles(8)).not.toEqual(a);
  });

  it.skipIf(onPostgres)("adds one synthetic visit per ten meetings, each whole: a partner, a delegation, a checklist, and programme items and legs when scheduled", async () => {
    const db = await seededDb();
    const before = (await db.select({ n: count() }).from(visit))[0]!.n;
    expect(await seedScale(db, 1000, 3)).toMatchObject({ meetings: 1000, visits: 100 });
    const synthetic = await db.select().from(visit).where(like(visit.title, "Synthetic %"));
    expect(synthetic).toHaveLength(100);
    expect((await db.select({ n: count() }).from(visit))[0]!.n).toBe(before + 100);
    const perVisit = async (t: typeof visitPartner | typeof visitMember | typeof checklistItem | typeof programmeItem | typeof travelLeg) =>
      new Map((await db.select({ v: t.visitId, n: count() }).from(t).groupBy(t.visitId)).map((r) => [r.v, r.n]));
    const [partners, members, checklist, items, legs] = [await perVisit(visitPartner), await perVisit(visitMember), await perVisit(checklistItem), await perVisit(programmeItem), await perVisit(travelLeg)];
    for (const v of synthetic) {
      expect(partners.get(v.id)).toBe(1);
      expect(members.get(v.id)).toBeGreaterThanOrEqual(2);
      expect(checklist.get(v.id)).toBeGreaterThanOrEqual(3);
      if (v.startsOn) {
        expect(v.endsOn! >= v.startsOn).toBe(true);
        expect(items.get(v.id)).toBeGreaterThanOrEqual(1);
        expect(legs.get(v.id)).toBe(2);
      } else expect([v.status, items.get(v.id)]).toEqual(["idea", undefined]);
    }
    // The first is the busy one the benchmark renders; every name says it is synthetic.
    const busy = synthetic.find((v) => v.title.endsWith("(busy)"))!;
    expect(items.get(busy.id)).toBe(35);
    const full = await getVisit(db, busy.id);
    expect(full.members.length).toBe(14);
    expect(full.members.every((m) => /^(Synthetic delegate|Staff member|Partner official) /.test(m.person.nameEn))).toBe(true);
    expect(full.programme.every((p) => p.title.startsWith("Synthetic programme item") && p.attendeeIds.length === 4 && p.endsAt! > p.startsAt!)).toBe(true);
    // Its programme is laid out without clashes: nothing overlaps, the flight lands before the first item.
    expect(findConflicts(full.programme, full.legs)).toEqual([]);
  });

  it.skipIf(onPostgres)("needs the demo partners first", async () => {
    await expect(seedScale(await testDb(), 10)).rejects.toThrow(/demo data first/);
  });

  // The bulk load drops indexes and relaxes the journal while it writes (db/seed-bulk.ts): the
  // file it leaves must be the app's, with every index and setting back.
  it.skipIf(onPostgres)("leaves a file database as the app opens it: WAL, the same indexes, foreign keys on and intact", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-seed-"));
    const db = openDb(path.join(dir, "scale.db"));
    try {
      await runMigrations(db);
      await seedDemo(db);
      const sqlite = db.$client;
      const schema = () => sqlite.prepare("select type, name, tbl_name, sql from sqlite_master order by type, name").all();
      const settings = () => ["journal_mode", "synchronous", "foreign_keys", "cache_size"].map((p) => sqlite.pragma(p, { simple: true }));
      const [before, pragmas] = [schema(), settings()];
      expect(pragmas.slice(0, 3)).toEqual(["wal", 2, 1]);
      await seedScale(db, 300, 5);
      expect(schema()).toEqual(before);
      expect(settings()).toEqual(pragmas);
      expect(sqlite.pragma("foreign_key_check")).toEqual([]);
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      // The indexes are built, not only declared: the meetings list reads by its index.
      const plan = sqlite.prepare("explain query plan select id from meeting where archived_at is null order by starts_at desc, id desc limit 50").all() as { detail: string }[];
      expect(plan.map((r) => r.detail).join(" ")).toMatch(/USING (COVERING )?INDEX meeting_live_starts/);
      expect((sqlite.prepare("select count(*) n from meeting indexed by meeting_partner_starts_idx where partner_id > 0").get() as { n: number }).n).toBe(301);
    } finally {
      await closeDb(db);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(onPostgres)("puts the indexes and settings back when the load fails", async () => {
    const db = await seededDb();
    const sqlite = db.$client;
    const indexes = () => sqlite.prepare("select name, sql from sqlite_master where type = 'index' order by name").all();
    const before = indexes();
    const bulk = beginBulkLoad(sqlite, ["meeting", "action"]);
    expect(indexes().length).toBeLessThan(before.length);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(0);
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("insert into meeting (partner_id, title, kind, status, starts_at, time_zone, created_at, updated_at) values (1, 'x', 'meeting', 'held', 0, 'UTC', 0, 0)").run();
        throw new Error("generator failed");
      })(),
    ).toThrow("generator failed");
    bulk.finish();
    expect(indexes()).toEqual(before);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect((sqlite.prepare("select count(*) n from meeting where title = 'x'").get() as { n: number }).n).toBe(0);
  });
});
