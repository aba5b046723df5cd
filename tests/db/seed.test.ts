import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action, auditEvent, gift, meeting, partner, person } from "@/db/schema";
import { seedDemo, seedScale } from "@/db/seed";
import { listPartners } from "@/db/queries/partners";
import { getMeeting } from "@/db/queries/meetings";
import { seededDb, testDb, onPostgres } from "../helpers/db";

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

  it.skipIf(onPostgres)("needs the demo partners first", async () => {
    await expect(seedScale(await testDb(), 10)).rejects.toThrow(/demo data first/);
  });
});
