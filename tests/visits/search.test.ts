import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { searchAll } from "@/db/queries/search";
import { updatePerson } from "@/db/queries/people";
import { listVisits } from "@/db/queries/visit-views";
import { createVisit, setVisitArchived } from "@/db/queries/visits";
import { person, visit } from "@/db/schema";
import { ensureSearchIndex, rebuildSearchIndex } from "@/db/search";
import { EDITOR, seededDb } from "../helpers/db";

// Visits in the shell's search and on /visits: by title, purpose, their partners' names in any
// script (and romanised), and their delegation's names.

let db: Db;
beforeAll(async () => {
  db = await seededDb();
});

const GOVERNOR = "Governor Lee Jae-myung's visit to Chongqing";
const DELEGATION = "Chongqing delegation to Gyeonggi Province, led by Mayor Tang Liangzhi";
const visits = async (q: string) => (await searchAll(db, q, { types: ["visit"], limit: 50 })).flatMap((g) => g.hits.map((h) => h.title)).sort();

describe("[VISITS] search finds visits", () => {
  it("by the partner's name in Han, Hangul and pinyin", async () => {
    for (const q of ["重庆", "충칭", "chongqing", "ㅊㅊ"]) expect(await visits(q), q).toEqual([DELEGATION, GOVERNOR].sort());
  });

  it("by purpose and delegation members in both scripts, linking to the visit page", async () => {
    expect(await visits("data sharing")).toEqual([GOVERNOR]);
    expect(await visits("임문영")).toEqual([GOVERNOR]);
    expect(await visits("唐良智")).toEqual([DELEGATION]);
    const [group] = await searchAll(db, "Pangyo", { types: ["visit"] });
    const id = (await db.select({ id: visit.id }).from(visit).where(eq(visit.title, DELEGATION)))[0]!.id;
    expect(group!.hits[0]).toMatchObject({ type: "visit", id, href: `/visits/${id}`, detail: "Chongqing Municipality", alt: "충칭시" });
  });

  it("keeps the index current through a save, a member's rename and an archive; /visits filters by the same index", async () => {
    const v = await createVisit(db, EDITOR, { direction: "outgoing", title: "Semiconductor study tour", status: "idea", partnerIds: [1], members: [{ personId: 1, role: "head" }] });
    expect(await visits("semiconductor")).toEqual(["Semiconductor study tour"]);
    const lee = (await db.select().from(person).where(eq(person.id, 1)))[0]!;
    await updatePerson(db, EDITOR, lee.id, { ...lee, nameLocal: "이재명지사", version: lee.version });
    expect(await visits("이재명지사")).toEqual(["Semiconductor study tour", GOVERNOR].sort());
    expect((await listVisits(db, { q: "충칭", today: "2026-01-01" })).rows.map((r) => r.title).sort()).toEqual([DELEGATION, GOVERNOR].sort());
    await setVisitArchived(db, EDITOR, v.id, true);
    expect(await visits("semiconductor")).toEqual([]);
  });

  it("is in the rebuilt index too (a migrate after SEARCH_INDEX_VERSION changes)", async () => {
    await rebuildSearchIndex(db);
    expect(await visits("충칭")).toEqual([DELEGATION, GOVERNOR].sort());
    expect(await ensureSearchIndex(db)).toBe(false);
  });
});
