import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvent, meeting, partner, person } from "@/db/schema";
import { createMeeting, listMeetings } from "@/db/queries/meetings";
import { createPartner, deletePartner, getPartnerBySlug, listPartners, setPartnerArchived, updatePartner } from "@/db/queries/partners";
import { createPerson, deletePerson, listPeople } from "@/db/queries/people";
import { ConflictError, NotFoundError, UserError, ValidationError } from "@/lib/errors";
import { EDITOR, seededDb, testDb } from "../helpers/db";

const tianjinLike = {
  slug: "osaka",
  nameEn: "Osaka Prefecture",
  nameKo: "오사카부",
  nameLocal: "大阪府",
  country: "jp",
  kind: "prefecture",
  level: "exploring",
  status: "exploring",
  since: "2024-05",
  timeZone: "Asia/Tokyo",
};

const auditCount = (db: Awaited<ReturnType<typeof seededDb>>) => db.select({ n: count() }).from(auditEvent).get()!.n;

describe("[DB] validation", () => {
  it("answers bad input with a typed validation error naming the fields, and writes nothing", async () => {
    const db = testDb();
    const bad = { ...tianjinLike, slug: "Not A Slug", country: "JPN", kind: "empire", since: "2024-13", timeZone: "Mars/Olympus" };
    const err = await createPartner(db, EDITOR, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields!).sort()).toEqual(["country", "kind", "since", "slug", "timeZone"]);
    expect(db.select({ n: count() }).from(partner).get()!.n).toBe(0);
    expect(auditCount(db)).toBe(0);
  });

  it("refuses wrong types and missing objects without crashing", async () => {
    const db = testDb();
    for (const input of [null, undefined, 42, "partner", [], { slug: 1 }])
      await expect(createPartner(db, EDITOR, input)).rejects.toBeInstanceOf(ValidationError);
    await expect(createMeeting(db, EDITOR, { partnerId: "x" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("stores a month-precision since-date as the month", async () => {
    const db = testDb();
    const p = await createPartner(db, EDITOR, tianjinLike);
    expect([p.sinceDate, p.sincePrecision, p.country]).toEqual(["2024-05-01", "month", "JP"]);
  });
});

describe("[DB] audit trail and versions", () => {
  it("writes the audit event in the change's transaction: a refused change leaves neither", async () => {
    const db = testDb();
    await createPartner(db, EDITOR, tianjinLike);
    const n = auditCount(db);
    await expect(createPartner(db, EDITOR, tianjinLike)).rejects.toBeInstanceOf(UserError); // duplicate slug
    expect(auditCount(db)).toBe(n);
    expect(db.select({ n: count() }).from(partner).get()!.n).toBe(1);
  });

  it("records who changed which fields, before and after", async () => {
    const db = testDb();
    const p = await createPartner(db, EDITOR, tianjinLike);
    await updatePartner(db, EDITOR, p.id, { ...tianjinLike, status: "active", version: p.version });
    const ev = db.select().from(auditEvent).where(eq(auditEvent.event, "update")).get()!;
    expect(ev.actorLabel).toBe("editor@test");
    expect(ev.before).toEqual({ status: "exploring" });
    expect(ev.after).toEqual({ status: "active" });
  });

  it("answers a stale version with a conflict that names who changed it", async () => {
    const db = testDb();
    const p = await createPartner(db, EDITOR, tianjinLike);
    await updatePartner(db, { ...EDITOR, label: "first@test" }, p.id, { ...tianjinLike, summary: "first", version: 1 });
    const err = await updatePartner(db, EDITOR, p.id, { ...tianjinLike, summary: "second", version: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).status).toBe(409);
    expect((err as ConflictError).message).toContain("first@test");
    expect((await getPartnerBySlug(db, "osaka")).summary).toBe("first");
    await expect(updatePartner(db, EDITOR, 999, { ...tianjinLike, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("[DB] references", () => {
  it("refuses to delete a partner others refer to, and says why", async () => {
    const db = await seededDb();
    const cq = await getPartnerBySlug(db, "chongqing");
    const err = await deletePartner(db, EDITOR, cq.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe("referenced");
    expect((err as UserError).message).toMatch(/1 meetings.*Archive it instead/);
    await getPartnerBySlug(db, "chongqing");
  });

  it("refuses to delete a person who took part in a meeting, but deletes an unused one", async () => {
    const db = await seededDb();
    const lee = db.select().from(person).where(eq(person.nameEn, "Lee Jae-myung")).get()!;
    await expect(deletePerson(db, EDITOR, lee.id)).rejects.toMatchObject({ code: "referenced" });
    const x = await createPerson(db, EDITOR, { nameEn: "Temp", side: "home" });
    await deletePerson(db, EDITOR, x.id);
    expect(db.select().from(person).where(eq(person.id, x.id)).get()).toBeUndefined();
  });

  it("archiving hides a partner from the list and keeps its history; restoring brings it back", async () => {
    const db = await seededDb();
    const cq = await getPartnerBySlug(db, "chongqing");
    await setPartnerArchived(db, EDITOR, cq.id, true);
    expect((await listPartners(db)).map((p) => p.slug)).not.toContain("chongqing");
    expect((await listMeetings(db, { partnerId: cq.id })).total).toBe(1);
    await setPartnerArchived(db, EDITOR, cq.id, false);
    expect((await listPartners(db)).map((p) => p.slug)).toContain("chongqing");
  });
});

describe("[DB] meetings are saved whole or not at all", () => {
  it("rolls back the meeting when a participant cannot be saved", async () => {
    const db = await seededDb();
    const cq = await getPartnerBySlug(db, "chongqing");
    const before = db.select({ n: count() }).from(meeting).get()!.n;
    const audits = auditCount(db);
    const err = await createMeeting(db, EDITOR, {
      partnerId: cq.id,
      title: "Follow-up video call",
      kind: "video_call",
      status: "held",
      date: "2020-03-02",
      time: "10:00",
      timeZone: "Asia/Shanghai",
      participants: [{ newPerson: { nameEn: "New Person", side: "partner" } }, { personId: 99999 }],
      gifts: [{ direction: "given", item: "Book" }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).fields).toHaveProperty("participants.1.personId");
    expect(db.select({ n: count() }).from(meeting).get()!.n).toBe(before);
    expect(db.select().from(person).where(eq(person.nameEn, "New Person")).get()).toBeUndefined();
    expect(auditCount(db)).toBe(audits);
  });
});

describe("[DB] full-text search in three scripts", () => {
  it("finds the Chongqing meeting by English, Chinese and Korean text", async () => {
    const db = await seededDb();
    const cq = await getPartnerBySlug(db, "chongqing");
    await createMeeting(db, EDITOR, {
      partnerId: cq.id,
      title: "重庆市大数据合作 실무회의",
      kind: "meeting",
      status: "held",
      date: "2020-06-01",
      time: "10:00",
      timeZone: "Asia/Shanghai",
      summary: "충칭시와 빅데이터 협력 논의",
    });
    const hits = async (q: string) => (await listMeetings(db, { q })).rows.map((r) => r.title);
    expect(await hits("Pangyo")).toHaveLength(1);
    expect(await hits("pang")).toHaveLength(1);
    // The partner's names are part of every Chongqing meeting's entry: both meetings match.
    expect(await hits("重庆")).toEqual(["重庆市大数据合作 실무회의", expect.stringMatching(/^Governor Lee/)]);
    expect(await hits("大数据")).toHaveLength(1);
    expect(await hits("충칭")).toHaveLength(2);
    expect(await hits("충칭시와")).toHaveLength(1);
    expect(await hits("빅데이터")).toHaveLength(1);
    expect(await hits("nonexistentword")).toHaveLength(0);
    expect(await hits('"); drop table meeting; --')).toHaveLength(0);
    expect((await listPeople(db, { q: "唐良智" })).rows.map((p) => p.nameEn)).toEqual(["Tang Liangzhi"]);
    expect((await listPartners(db, { q: "충칭" })).map((p) => p.slug)).toEqual(["chongqing"]);
  });
});
