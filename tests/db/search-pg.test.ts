import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createMeeting } from "@/db/queries/meetings";
import { searchBody, toMatchQuery } from "@/db/search";
import { toTsQuery } from "@/db/search-pg";
import { EDITOR, seededDb } from "../helpers/db";
import { freshPgDatabase, stopOwnCluster } from "../helpers/pg";

// The same queries against SQLite's FTS5 index and PostgreSQL's tsvector index, filled with the
// same bodies: the demo data, a meeting with Wang Fang (王芳), and texts with mail addresses,
// dates, diacritics and apostrophes, where the two tokenizers could part.

let sqlite: Db;
let client: pg.Client;

const EXTRA = [
  "Visit to Zürich; contact wang@example.com before 2019-11-27",
  "O'Brien's e-mail follow-up on the Œuvre catalogue, 1.5 million won",
  "重·庆 delegation 「충칭」 시와 つくば",
];

beforeAll(async () => {
  sqlite = await seededDb();
  const cq = sqlite.$client.prepare("select id from partner where slug = 'chongqing'").get() as { id: number };
  await createMeeting(sqlite, EDITOR, {
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
  const ins = sqlite.$client.prepare("insert into search_index (rowid, record_type, record_id, body) values (?, 'meeting', ?, ?)");
  EXTRA.forEach((t, i) => ins.run((9000 + i) * 8 + 3, 9000 + i, searchBody([t])));

  const url = await freshPgDatabase("search");
  client = new pg.Client({ connectionString: url });
  await client.connect();
  await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), "drizzle-pg") });
  const rows = sqlite.$client.prepare("select record_type, record_id, body from search_index").all() as { record_type: string; record_id: number; body: string }[];
  expect(rows.length).toBeGreaterThan(20);
  await client.query(
    "insert into search_index (record_type, record_id, body) select * from unnest($1::text[], $2::int[], $3::text[])",
    [rows.map((r) => r.record_type), rows.map((r) => r.record_id), rows.map((r) => r.body)],
  );
}, 60_000);

afterAll(async () => {
  await client?.end();
  await stopOwnCluster();
});

function onSqlite(q: string): string[] {
  const match = toMatchQuery(q);
  if (!match) return [];
  const rows = sqlite.$client.prepare("select record_type t, record_id i from search_index where search_index match ?").all(match) as { t: string; i: number }[];
  return rows.map((r) => `${r.t}:${r.i}`).sort();
}

async function onPg(q: string): Promise<string[]> {
  const query = toTsQuery(q);
  if (!query) return [];
  const { rows } = await client.query<{ t: string; i: number }>("select record_type t, record_id i from search_index where tsv @@ $1::tsquery", [query]);
  return rows.map((r) => `${r.t}:${r.i}`).sort();
}

const partnerId = (slug: string) => (sqlite.$client.prepare("select id from partner where slug = ?").get(slug) as { id: number }).id;
const personId = (name: string) => (sqlite.$client.prepare("select id from person where name_en = ?").get(name) as { id: number }).id;

describe("[SEARCH] what a user types becomes a safe tsquery", () => {
  it("quotes every token, makes adjacent CJK characters a phrase, and keeps the pinyin alternative", () => {
    expect(toTsQuery("semiconductor cooperation")).toBe("'semiconductor':* & 'cooperation':*");
    expect(toTsQuery("重庆")).toBe("(('重' <-> '庆') | 'chongqing':*)");
    expect(toTsQuery("충칭")).toBe("('충' <-> '칭')");
    expect(toTsQuery("Zürich")).toBe("'zurich':*");
    expect(toTsQuery('" OR 1=1 -- *')).toBe("'or':* & '1':* & '1':*");
    expect(toTsQuery("\u0000")).toBeNull();
    expect(toTsQuery("*:&|!")).toBeNull();
    expect(toTsQuery("· chongqing")).toBe("'-' & 'chongqing':*");
    expect(toTsQuery("a\u0000b\uD800")).toBe("'a':* & 'b':*");
  });
});

describe("[SEARCH] PostgreSQL finds what SQLite finds", () => {
  const CASES: [string, (hits: string[]) => void][] = [
    ["重庆", (h) => expect(h).toContain(`partner:${partnerId("chongqing")}`)],
    ["충칭", (h) => expect(h).toContain(`partner:${partnerId("chongqing")}`)],
    ["chongqing", (h) => expect(h).toContain(`partner:${partnerId("chongqing")}`)],
    ["Chongqing", (h) => expect(h).toContain(`partner:${partnerId("chongqing")}`)],
    ["ㅊㅊ", (h) => expect(h).toContain(`partner:${partnerId("chongqing")}`)],
    ["tang liangzhi", (h) => expect(h).toContain(`person:${personId("Tang Liangzhi")}`)],
    ["liangzhi", (h) => expect(h).toContain(`person:${personId("Tang Liangzhi")}`)],
    ["唐良智", (h) => expect(h).toContain(`person:${personId("Tang Liangzhi")}`)],
    ["唐", (h) => expect(h).toContain(`person:${personId("Tang Liangzhi")}`)],
    ["ㅇㅈㅁ", (h) => expect(h).toContain(`person:${personId("Lee Jae-myung")}`)],
    ["ijaemyeong", (h) => expect(h).toContain(`person:${personId("Lee Jae-myung")}`)],
    ["王芳", (h) => expect(h).toContain(`person:${personId("Wang Fang")}`)],
    ["wang fang", (h) => expect(h).toContain(`person:${personId("Wang Fang")}`)],
    ["wangfang", (h) => expect(h).toContain(`person:${personId("Wang Fang")}`)],
    ["celadon", (h) => expect(h.length).toBeGreaterThanOrEqual(2)],
    ["北京", (h) => expect(h).toEqual([])],
    ["zurich", (h) => expect(h).toEqual(["meeting:9000"])],
    ["ZÜRICH", (h) => expect(h).toEqual(["meeting:9000"])],
    ["example", (h) => expect(h).toEqual(["meeting:9000"])],
    ["11", (h) => expect(h).toContain("meeting:9000")],
    ["o'brien", (h) => expect(h).toEqual(["meeting:9001"])],
    ["oeuvre", (h) => expect(h).toEqual([])],
    ["mail follow", (h) => expect(h).toContain("meeting:9001")],
    ["重·庆", (h) => expect(h).toContain(`partner:${partnerId("chongqing")}`)],
    ["つくば", (h) => expect(h).toEqual(["meeting:9002"])],
  ];
  const HOSTILE = ['" OR 1=1 -- *', "'", "''", "\\", "\u0000", "a\u0000b\uD800", "*", ":", "chong:*", "&|!", "<->", "(重庆", "重庆)", "·", "!chongqing", "tang & !liangzhi", "'; drop table search_index; --"];

  it.each(CASES)("%s", async (q, check) => {
    const expected = onSqlite(q);
    check(expected);
    expect(await onPg(q)).toEqual(expected);
  });

  it("hostile input finds the same (and never fails) on both", async () => {
    for (const q of HOSTILE) expect(await onPg(q), q).toEqual(onSqlite(q));
  });

  it("any mix of indexed words, scripts and operators finds the same records", async () => {
    const words = ["chongqing", "重庆", "충칭", "tang", "liang", "王", "芳", "wang", "gyeonggi", "경기", "2019", "ㅊ", "celadon", "zü", "e", "mail"];
    const noise = ['"', "*", ":", "'", "-", "(", ")", "&", "|", "!", "·", "\u0000", " "];
    const query = fc
      .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...noise), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 5 })
      .map((xs) => xs.join(fc.sample(fc.constantFrom(" ", ""), 1)[0]));
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        expect(await onPg(q)).toEqual(onSqlite(q));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
