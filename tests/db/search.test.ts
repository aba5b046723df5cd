import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rawGet, rawRun } from "@/db/tx";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createMeeting, explainListMeetings, listMeetings } from "@/db/queries/meetings";
import { getPartnerBySlug, updatePartner } from "@/db/queries/partners";
import { updatePerson } from "@/db/queries/people";
import { explainSearch, searchAll } from "@/db/queries/search";
import { ensureSearchIndex, SEARCH_INDEX_VERSION, SEARCH_TYPES, toMatchQuery } from "@/db/search";
import { seedScale } from "@/db/seed";
import { EDITOR, seededDb, onPostgres } from "../helpers/db";

describe("[SEARCH] what a user types becomes a safe FTS5 query", () => {
  it("quotes every term, segments Han and Hangul, and drops operators, controls and lone surrogates", () => {
    expect(toMatchQuery("semiconductor cooperation")).toBe('"semiconductor"* AND "cooperation"*');
    expect(toMatchQuery("重庆")).toBe('("重 庆" OR "chongqing"*)');
    expect(toMatchQuery("충칭")).toBe('"충 칭"');
    expect(toMatchQuery('" OR 1=1 -- *')).toBe('"OR"* AND "1"* AND "1"*');
    expect(toMatchQuery("\u0000")).toBeNull();
    expect(toMatchQuery("a\u0000b\uD800")).toBe('"a"* AND "b"*');
  });

  it("never makes SQLite fail, whatever is typed", async () => {
    const db = await seededDb();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 40 }), async (q) => {
        await expect(listMeetings(db, { q })).resolves.toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });
});

const hits = async (db: Db, q: string) =>
  Object.fromEntries((await searchAll(db, q, { limit: 20 })).map((g) => [g.type, g.hits.map((h) => h.title)]));

describe("[SEARCH] romanised and native forms find each other", () => {
  it("finds Chongqing's records as 重庆, 충칭, chongqing and ㅊㅊ, and 唐良智 as tang liangzhi", async () => {
    const db = await seededDb();
    for (const q of ["重庆", "충칭", "chongqing", "Chongqing", "ㅊㅊ"]) {
      const h = await hits(db, q);
      expect(h.partner).toEqual(["Chongqing Municipality"]);
      expect(h.meeting).toEqual([expect.stringMatching(/^Governor Lee Jae-myung meets Mayor Tang Liangzhi/)]);
      // The meeting's three follow-ups and the delegation's checklist item of ours.
      expect(h.action).toHaveLength(4);
      expect(h.gift).toHaveLength(3);
      expect(h.visit).toHaveLength(2);
    }
    for (const q of ["tang liangzhi", "liangzhi", "唐良智", "唐"]) expect((await hits(db, q)).person).toEqual(["Tang Liangzhi"]);
    expect((await hits(db, "ㅇㅈㅁ")).person).toEqual(["Lee Jae-myung"]);
    expect((await hits(db, "ijaemyeong")).person).toEqual(["Lee Jae-myung"]);
    expect(await hits(db, "北京")).toEqual({});
  });

  it("finds a meeting by its participants in both scripts and its gifts, and follows renames", async () => {
    const db = await seededDb();
    const cq = (await rawGet<{ id: number }>(db, sql`select id from partner where slug = 'chongqing'`))!;
    const m = await createMeeting(db, EDITOR, {
      partnerId: cq.id,
      title: "Working group call",
      kind: "video_call",
      status: "held",
      date: "2020-01-15",
      time: "10:00",
      timeZone: "Asia/Shanghai",
      participants: [{ newPerson: { nameEn: "Wang Fang", nameLocal: "王芳", side: "partner" }, role: "lead" }],
      gifts: [{ direction: "received", item: "Celadon tea bowl" }],
    });
    const ids = async (q: string) => (await listMeetings(db, { q })).rows.map((r) => r.id);
    for (const q of ["王芳", "wang fang", "wangfang", "celadon"]) expect(await ids(q)).toEqual([m.id]);
    expect((await hits(db, "celadon")).gift).toEqual(["Celadon tea bowl"]);
    const wang = (await rawGet<{ id: number; version: number }>(db, sql`select id, version from person where name_en = 'Wang Fang'`))!;
    await updatePerson(db, EDITOR, wang.id, { nameEn: "Wang Fangfang", nameLocal: "王芳芳", side: "partner", partnerId: cq.id, version: wang.version });
    expect(await ids("fangfang")).toEqual([m.id]);
    const p = await getPartnerBySlug(db, "chongqing");
    expect(await ids("渝")).toEqual([]);
    await updatePartner(db, EDITOR, p.id, { ...p, nameLocal: "渝", version: p.version });
    expect(await ids("渝")).toEqual([m.id, 1]);
  });
});

describe("[SEARCH] the index is rebuilt when what it holds changes", () => {
  it("rebuilds on migrate when the stored index version differs, and only then", async () => {
    const db = await seededDb();
    // As a database indexed by an older version: entries without names or romanised forms.
    await rawRun(db, sql`delete from search_index`);
    await rawRun(db, sql`update setting set value = '1' where key = 'search_index_version'`);
    expect((await hits(db, "chongqing")).meeting).toBeUndefined();
    await runMigrations(db);
    expect((await hits(db, "chongqing")).meeting).toHaveLength(1);
    expect(await rawGet(db, sql`select value from setting where key = 'search_index_version'`)).toEqual({ value: SEARCH_INDEX_VERSION });
    expect(await ensureSearchIndex(db)).toBe(false);
  });
});

describe("[SEARCH] stays on the index at scale", () => {
  it.skipIf(onPostgres)("every type's search and the meetings list start from the FTS index: no full scan, no sort", async () => {
    const db = await seededDb();
    await seedScale(db, 2000, 1);
    for (const type of SEARCH_TYPES) {
      const plan = explainSearch(db, type, "chongqing big data");
      expect(plan[0]).toMatch(/^SCAN s VIRTUAL TABLE INDEX \d+:M/);
      // A visit's main partner is one probe of visit_partner's primary key, then the partner's.
      expect(plan.slice(1).every((d) => /USING INTEGER PRIMARY KEY|USING INDEX sqlite_autoindex_visit_partner_1 \(visit_id=\?\)/.test(d))).toBe(true);
      expect(plan.join("\n")).not.toMatch(/TEMP B-TREE/);
    }
    const list = explainListMeetings(db, { q: "chongqing" }).join("\n");
    expect(list).toMatch(/SEARCH meeting USING INTEGER PRIMARY KEY/);
    expect(list).toMatch(/SCAN search_index VIRTUAL TABLE INDEX \d+:M/);
    expect(list).not.toMatch(/SCAN meeting\b/);
    const t0 = performance.now();
    const groups = await searchAll(db, "chongqing", { limit: 4, count: false });
    expect(performance.now() - t0).toBeLessThan(200);
    expect(groups.find((g) => g.type === "meeting")!.hits).toHaveLength(4);
  }, 60_000);
});
