import { describe, expect, it } from "vitest";
import { actionCursorPage, createAction, listActions } from "@/db/queries/actions";
import { createMilestone, setMilestoneArchived, updateMilestone } from "@/db/queries/milestones";
import { personCursorPage, createPerson, deletePerson, listPeople, personIsReferenced, personMeetings, setPersonArchived } from "@/db/queries/people";
import { createPartner, deletePartner, listPartnerPage, partnerIsReferenced, partnerOptions, setPartnerArchived, updatePartner } from "@/db/queries/partners";
import { decodeCursor } from "@/db/queries/paging";
import { isUserError } from "@/lib/errors";
import { createPartnerSchema } from "@/lib/validation/partners";
import { RESOURCES } from "@/server/api/resources";
import { EDITOR, seededDb, testDb } from "../helpers/db";

const osaka = {
  slug: "osaka",
  nameEn: "Osaka Prefecture",
  nameKo: "오사카부",
  nameLocal: "大阪府",
  country: "JP",
  kind: "prefecture",
  level: "exploring",
  status: "exploring",
  since: "2024-05",
  timeZone: "Asia/Tokyo",
  summary: "Exploring cooperation on robotics.",
};

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isUserError(e)) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("[RECORDS] partners, people and actions", () => {
  it("refuses to delete a referenced partner or person, says why, and changes nothing", async () => {
    const db = await seededDb();
    const cq = (await listPartnerPage(db, { q: "Chongqing" })).rows[0]!;
    expect(await partnerIsReferenced(db, cq.id)).toBe(true);
    const e = await refusal(deletePartner(db, EDITOR, cq.id));
    expect(e.code).toBe("referenced");
    expect(e.status).toBe(409);
    expect(e.message).toMatch(/1 meetings.*Archive it instead/);
    expect((await listPartnerPage(db, { q: "Chongqing" })).rows).toHaveLength(1);

    const tang = (await listPeople(db, { q: "Tang Liangzhi" })).rows[0]!;
    expect(await personIsReferenced(db, tang.id)).toBe(true);
    const pe = await refusal(deletePerson(db, EDITOR, tang.id));
    expect(pe.code).toBe("referenced");
    expect(pe.message).toContain("meetings");

    const fresh = await createPerson(db, EDITOR, { nameEn: "Kim Minji", side: "home" });
    expect(await personIsReferenced(db, fresh.id)).toBe(false);
    await deletePerson(db, EDITOR, fresh.id);
    expect((await listPeople(db, { q: "Kim Minji" })).rows).toHaveLength(0);
  });

  it("archiving hides a partner from pickers and the default list, keeps it under 'show archived', and restores", async () => {
    const db = await seededDb();
    const p = await createPartner(db, EDITOR, osaka);
    expect(p).toMatchObject({ sinceDate: "2024-05-01", sincePrecision: "month" });
    await setPartnerArchived(db, EDITOR, p.id, true);
    expect((await partnerOptions(db)).map((x) => x.slug)).not.toContain("osaka");
    expect((await listPartnerPage(db, {})).rows.map((x) => x.slug)).not.toContain("osaka");
    expect((await listPartnerPage(db, { archived: true })).rows.map((x) => x.slug)).toContain("osaka");
    await setPartnerArchived(db, EDITOR, p.id, false);
    expect((await partnerOptions(db)).map((x) => x.slug)).toContain("osaka");
  });

  it("a stale partner version is a conflict naming who changed it", async () => {
    const db = await testDb();
    const p = await createPartner(db, EDITOR, osaka);
    await updatePartner(db, { ...EDITOR, label: "kim@office" }, p.id, { ...osaka, version: p.version, status: "active" });
    const e = await refusal(updatePartner(db, EDITOR, p.id, { ...osaka, version: p.version, level: "friendship" }));
    expect(e.code).toBe("conflict");
    expect(e.message).toContain("kim@office");
  });

  it("milestones: agreement with a renewal date, edit against a version, archive", async () => {
    const db = await testDb();
    const p = await createPartner(db, EDITOR, osaka);
    const m = await createMilestone(db, EDITOR, { partnerId: p.id, kind: "mou", date: "2024", title: "MOU on robotics", expiresOn: "2027-05-31" });
    expect(m).toMatchObject({ date: "2024-01-01", datePrecision: "year", expiresOn: "2027-05-31" });
    const m2 = await updateMilestone(db, EDITOR, m.id, { partnerId: p.id, kind: "mou", date: "2024-05-20", title: "MOU on robotics", version: m.version });
    expect(m2).toMatchObject({ date: "2024-05-20", datePrecision: "day", expiresOn: null });
    const a = await setMilestoneArchived(db, EDITOR, m.id, true);
    expect(a.archivedAt).not.toBeNull();
  });

  it("the person page lists their meetings with the title held each time", async () => {
    const db = await seededDb();
    const tang = (await listPeople(db, { q: "唐良智" })).rows[0]!;
    const ms = await personMeetings(db, tang.id);
    expect(ms).toHaveLength(1);
    expect(ms[0]!.titleAtTime).toBe("Mayor of Chongqing");
    expect(ms[0]!.partnerSlug).toBe("chongqing");
  });
});

describe("[RECORDS] full-text search in English, Korean and Chinese", () => {
  it("finds partners by any of their three names and their summary", async () => {
    const db = await seededDb();
    const slugs = async (q: string) => (await listPartnerPage(db, { q })).rows.map((r) => r.slug);
    expect(await slugs("Chongqing")).toEqual(["chongqing"]);
    expect(await slugs("충칭")).toEqual(["chongqing"]);
    expect(await slugs("重庆")).toEqual(["chongqing"]);
    expect(await slugs("黑龙江")).toEqual(["heilongjiang"]);
    expect(await slugs("Atlantis")).toEqual([]);
  });

  it("finds people by English or local-script names, also after an edit", async () => {
    const db = await seededDb();
    const names = async (q: string) => (await listPeople(db, { q })).rows.map((r) => r.nameEn);
    expect(await names("Tang")).toEqual(["Tang Liangzhi"]);
    expect(await names("唐良智")).toEqual(["Tang Liangzhi"]);
    expect(await names("이재명")).toEqual(["Lee Jae-myung"]);
    const p = await createPerson(db, EDITOR, { nameEn: "Park Soyeon", nameLocal: "박소연", side: "home", title: "국제협력관" });
    expect(await names("소연")).toEqual(["Park Soyeon"]);
    expect(await names("협력관")).toEqual(["Park Soyeon"]);
    await setPersonArchived(db, EDITOR, p.id, true);
    expect(await names("박소연")).toEqual([]);
    expect((await listPeople(db, { q: "박소연", archived: true })).rows).toHaveLength(1);
  });

  it("finds follow-up actions in all three scripts, and filters them", async () => {
    const db = await seededDb();
    const cq = (await listPartnerPage(db, { q: "Chongqing" })).rows[0]!;
    await createAction(db, EDITOR, { partnerId: cq.id, title: "빅데이터 협력 보고서 작성", side: "ours", dueOn: "2020-01-15" });
    await createAction(db, EDITOR, { partnerId: cq.id, title: "提交大数据合作方案", side: "theirs", dueOn: "2099-01-15" });
    const titles = async (f: Parameters<typeof listActions>[1]) => (await listActions(db, { ...f, today: "2026-11-28" })).rows.map((r) => r.title);
    expect(await titles({ q: "Pangyo" })).toEqual(["Mayor Tang's visit to Gyeonggi Province: Pangyo Techno Valley and SK Hynix"]);
    expect(await titles({ q: "보고서" })).toEqual(["빅데이터 협력 보고서 작성"]);
    expect(await titles({ q: "大数据" })).toEqual(["提交大数据合作方案"]);
    expect(await titles({ due: "overdue" })).toEqual(["빅데이터 협력 보고서 작성"]);
    expect(await titles({ side: "theirs", q: "大数据" })).toEqual(["提交大数据合作方案"]);
    expect(await titles({ side: "ours", q: "大数据" })).toEqual([]);
  });
});

describe("[RECORDS] one schema for form, server action and API", () => {
  it("the API's partner schema is the very object the form's action parses with", () => {
    expect(RESOURCES.find((r) => r.path === "partners")!.createSchema).toBe(createPartnerSchema);
  });

  it("the form's FormData strings and the API's JSON give the same stored partner", async () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries({ ...osaka, latitude: "34.69", longitude: "", country: "jp" })) fd.set(k, v);
    const fromForm = createPartnerSchema.parse(Object.fromEntries(fd));
    const fromApi = createPartnerSchema.parse({ ...osaka, latitude: 34.69 });
    expect(fromForm).toEqual(fromApi);
    const bad = createPartnerSchema.safeParse({ ...osaka, country: "Japan", since: "2024-13" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["country", "since"]);
  });
});

describe("[API] cursor pagination", () => {
  it("never repeats or skips a row, even with inserts and archives between pages", async () => {
    const db = await testDb();
    for (let i = 0; i < 53; i++) await createPerson(db, EDITOR, { nameEn: `Person ${i}`, side: "home" });
    const seen: number[] = [];
    let cursor: string | undefined;
    let round = 0;
    do {
      const page = await personCursorPage(db, { limit: 10, cursor });
      seen.push(...page.data.map((p) => p.id));
      cursor = page.next_cursor ?? undefined;
      // Someone else works meanwhile: a new person arrives and an already-served one is archived.
      if (round++ === 1) {
        await createPerson(db, EDITOR, { nameEn: "Late arrival", side: "home" });
        await setPersonArchived(db, EDITOR, seen[0]!, true);
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toHaveLength(54);
  });

  it("caps the page size and rejects forged cursors", async () => {
    const db = await seededDb();
    const page = await actionCursorPage(db, { limit: 1_000_000 });
    expect(page.data.length).toBeLessThanOrEqual(200);
    expect(() => decodeCursor("aWQ6YWJj")).toThrow(/cursor/);
  });
});
