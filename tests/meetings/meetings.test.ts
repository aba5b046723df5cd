import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rawGet } from "@/db/tx";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createMeeting, explainListMeetings, getMeeting, listMeetings, updateMeeting } from "@/db/queries/meetings";
import { action, auditEvent, gift, meeting, participant, partner, person } from "@/db/schema";
import { ConflictError, UserError, ValidationError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/common";
import { createMeetingSchema } from "@/lib/validation/meetings";
import { emptyAction, emptyGift, emptyParticipant, formPath, reachesDeclarationThreshold, toPayload, type MeetingFormValues } from "@/app/(app)/meetings/_components/form-values";
import { keyOf } from "@/lib/validation/error-keys";
import { EDITOR, seededDb, onPostgres } from "../helpers/db";

const OTHER = { userId: null, label: "other.editor@test", role: "editor" } as const;

const counts = async (db: Db) => ({
  meetings: (await db.select({ n: count() }).from(meeting).limit(1))[0]!.n,
  people: (await db.select({ n: count() }).from(person).limit(1))[0]!.n,
  participants: (await db.select({ n: count() }).from(participant).limit(1))[0]!.n,
  gifts: (await db.select({ n: count() }).from(gift).limit(1))[0]!.n,
  actions: (await db.select({ n: count() }).from(action).limit(1))[0]!.n,
  audit: (await db.select({ n: count() }).from(auditEvent).limit(1))[0]!.n,
});

async function chongqingId(db: Db) {
  return (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")).limit(1))[0]!.id;
}

/** A full meeting as the form sends it: a new person inline, three gifts, three follow-ups. */
async function validInput(db: Db) {
  const lead = (await db.select({ id: person.id }).from(person).where(eq(person.side, "home")).limit(1))[0]!.id;
  return {
    partnerId: await chongqingId(db),
    title: "Second meeting on Pangyo and big data",
    kind: "meeting",
    status: "held",
    date: "2019-11-27",
    time: "15:00",
    timeZone: "Asia/Shanghai",
    summary: "两地在重庆会谈。충칭에서 회담.",
    participants: [
      { personId: lead, role: "lead" },
      { newPerson: { nameEn: "Luo Qingchen", nameLocal: "罗清晨", side: "partner" }, role: "speaker", titleAtTime: "Director" },
    ],
    gifts: [
      { direction: "given", item: "Moon jar", fromParticipantIndex: 0, toParticipantIndex: 1, estimatedValue: 300000, currency: "KRW" },
      { direction: "received", item: "Shu embroidery", toParticipantIndex: 0, estimatedValue: 150000, currency: "krw" },
      { direction: "received", item: "Tea set" },
    ],
    actions: [
      { title: "Big-data working group", side: "ours", ownerParticipantIndex: 0, dueOn: "2020-01-31", priority: "high" },
      { title: "Delegation task force", side: "theirs", ownerParticipantIndex: 1 },
      { title: "Prepare Pangyo visit", side: "ours" },
    ],
  };
}

describe("[MEETINGS] one submit saves everything or nothing", () => {
  it("saves the meeting with its new person, participants, three gifts and three actions", async () => {
    const db = await seededDb();
    const before = await counts(db);
    const m = await createMeeting(db, EDITOR, await validInput(db));
    const after = await counts(db);
    expect(after.meetings - before.meetings).toBe(1);
    expect(after.people - before.people).toBe(1);
    expect(after.participants - before.participants).toBe(2);
    expect(after.gifts - before.gifts).toBe(3);
    expect(after.actions - before.actions).toBe(3);
    const d = await getMeeting(db, m.id);
    expect(d.startsAt.toISOString()).toBe("2019-11-27T07:00:00.000Z");
    expect(d.gifts[0]!.toPerson?.nameEn).toBe("Luo Qingchen");
    expect(d.actions[1]!.ownerPerson?.nameEn).toBe("Luo Qingchen");
    expect(d.gifts[1]!.currency).toBe("KRW");
  });

  const failures: [string, (i: Awaited<ReturnType<typeof validInput>>) => void, string][] = [
    ["a participant who does not exist", (i) => i.participants.push({ personId: 999_999, role: "attendee" }), "participants.2.personId"],
    ["the same person twice", (i) => i.participants.push({ ...i.participants[0]! }), "participants.2.personId"],
    ["a gift from an unknown person", (i) => i.gifts.push({ direction: "received", item: "Vase", fromPersonId: 999_999 } as never), "gifts.3.fromPersonId"],
    ["an action owned by an unknown person", (i) => i.actions.push({ title: "Call back", side: "ours", ownerPersonId: 999_999 } as never), "actions.3.ownerPersonId"],
    ["an action owned by an unknown user", (i) => i.actions.push({ title: "Call back", side: "ours", ownerUserId: "nobody" } as never), "actions.3.ownerUserId"],
  ];
  for (const [what, spoil, field] of failures)
    it(`rolls back the meeting, the new person, gifts and actions on ${what}`, async () => {
      const db = await seededDb();
      const before = await counts(db);
      const input = await validInput(db);
      spoil(input);
      const err = await createMeeting(db, EDITOR, input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).status).toBe(422);
      expect(Object.keys((err as UserError).fields!)).toContain(field);
      expect(await counts(db)).toEqual(before);
    });

  it("rolls back an update that fails half-way: the old participants and gifts stay", async () => {
    const db = await seededDb();
    const m = await createMeeting(db, EDITOR, await validInput(db));
    const before = await counts(db);
    const input = { ...(await validInput(db)), version: m.version, title: "Changed", participants: [{ personId: 999_999 }] };
    await expect(updateMeeting(db, EDITOR, m.id, input)).rejects.toMatchObject({ code: "validation_failed" });
    expect(await counts(db)).toEqual(before);
    expect((await getMeeting(db, m.id)).title).toBe("Second meeting on Pangyo and big data");
  });
});

describe("[MEETINGS] stale edits", () => {
  it("refuses a save against an old version with 409, naming who saved first and holding the stored record", async () => {
    const db = await seededDb();
    const m = await createMeeting(db, EDITOR, await validInput(db));
    const base = await validInput(db);
    await updateMeeting(db, OTHER, m.id, { ...base, version: m.version, title: "Their title" });
    const err = await updateMeeting(db, EDITOR, m.id, { ...base, version: m.version, title: "My title" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    const c = err as ConflictError;
    expect(c.status).toBe(409);
    expect(c.details!.changedBy).toBe("other.editor@test");
    expect((c.details!.current as { title: string; version: number }).title).toBe("Their title");
    expect((c.details!.current as { version: number }).version).toBe(m.version + 1);
    expect((await getMeeting(db, m.id)).title).toBe("Their title");
  });
});

describe("[MEETINGS] one schema for the form, the action and the API", () => {
  const formValues = async (db: Db): Promise<MeetingFormValues> => ({
    partnerId: String(await chongqingId(db)),
    title: "  ",
    kind: "meeting",
    status: "held",
    date: "2019-02-30",
    time: "25:00",
    timeZone: "Asia/Chongqing-ish",
    durationMinutes: "-5",
    venue: "",
    city: "",
    attendeeCount: "lots",
    topics: "",
    summary: "",
    outcomes: "",
    notes: "",
    participants: [{ ...emptyParticipant("partner"), mode: "new", titleAtTime: "Deputy Director" }],
    gifts: [{ ...emptyGift(), item: "Vase", estimatedValue: "150000", currency: "" }],
    actions: [{ ...emptyAction(), title: "", dueOn: "2020-01-31" }],
  });

  it("leaves out the rows the form offers and nobody filled in, and maps errors back to the form's rows", async () => {
    const db = await seededDb();
    const tang = (await rawGet<{ id: number }>(db, sql`select id from person where name_en = 'Tang Liangzhi'`))!;
    const v: MeetingFormValues = {
      ...(await formValues(db)),
      title: "Blank rows",
      date: "2019-11-27",
      time: "15:00",
      timeZone: "Asia/Shanghai",
      durationMinutes: "",
      attendeeCount: "",
      participants: [emptyParticipant("home"), { ...emptyParticipant("partner"), personId: String(tang.id) }],
      gifts: [emptyGift(), { ...emptyGift(), item: "" , origin: "Icheon" }],
      actions: [emptyAction()],
    };
    v.gifts[1]!.from = `row:${v.participants[1]!.key}`;
    const payload = toPayload(v) as { participants: unknown[]; gifts: { fromParticipantIndex?: number }[]; actions: unknown[] };
    expect(payload.participants).toHaveLength(1);
    expect(payload.gifts).toEqual([expect.objectContaining({ origin: "Icheon", fromParticipantIndex: 0 })]);
    expect(payload.actions).toEqual([]);
    const r = createMeetingSchema.safeParse(payload);
    expect(Object.keys(fieldErrors(r.error!))).toEqual(["gifts.0.item"]);
    expect(formPath("gifts.0.item", v)).toBe("gifts.1.item");
    expect(keyOf(r.error!.issues[0]!.message).key).toBe("enterItem");
    const noPartner = createMeetingSchema.safeParse({ ...payload, partnerId: "" });
    expect(noPartner.error!.issues.filter((i) => i.path[0] === "partnerId").map((i) => i.message)).toEqual(["validation.choosePartner"]);
  });

  it("rejects the form's bad input in the browser exactly as the server does, field by field", async () => {
    const db = await seededDb();
    const payload = toPayload(await formValues(db));
    const client = createMeetingSchema.safeParse(payload);
    expect(client.success).toBe(false);
    const clientFields = Object.keys(fieldErrors(client.error!)).sort();
    const before = await counts(db);
    const server = (await createMeeting(db, EDITOR, payload).catch((e: unknown) => e)) as ValidationError;
    expect(server).toBeInstanceOf(ValidationError);
    expect(Object.keys(server.fields!).sort()).toEqual(clientFields);
    expect(clientFields).toEqual(
      expect.arrayContaining(["title", "time", "timeZone", "durationMinutes", "attendeeCount", "participants.0.newPerson.nameEn", "gifts.0.currency", "actions.0.title"]),
    );
    expect(await counts(db)).toEqual(before);
  });

  it("the API's JSON (numbers, not strings) passes the same schema as the form's strings", async () => {
    const db = await seededDb();
    expect(createMeetingSchema.safeParse(await validInput(db)).success).toBe(true);
    const asForm = JSON.parse(JSON.stringify(await validInput(db), (_k, v: unknown) => (typeof v === "number" ? String(v) : v))) as unknown;
    expect(createMeetingSchema.safeParse(asForm).success).toBe(true);
  });

  it("maps every message the schema and the server produce to a translated key", async () => {
    const db = await seededDb();
    const r = createMeetingSchema.safeParse(toPayload(await formValues(db)));
    const keys = r.error!.issues.map((i) => keyOf(i.message).key);
    expect(keys).not.toContain("invalid");
    // The server's own refusals are keys too.
    const input = await validInput(db);
    input.participants.push({ personId: 999_999, role: "attendee" });
    const unknown = (await createMeeting(db, EDITOR, input).catch((e: unknown) => e)) as UserError;
    expect(unknown.fields!["participants.2.personId"]!.map((m) => keyOf(m).key)).toEqual(["unknownPerson"]);
    const twice = await validInput(db);
    twice.participants.push({ ...twice.participants[0]! });
    const listed = (await createMeeting(db, EDITOR, twice).catch((e: unknown) => e)) as UserError;
    expect(listed.fields!["participants.2.personId"]!.map((m) => keyOf(m).key)).toEqual(["listedTwice"]);
  });

  it("flags a received gift at the declaration threshold, not a given one or one below it", () => {
    const g = { direction: "received" as const, estimatedValue: "150000", currency: "KRW", toBeValued: false };
    expect(reachesDeclarationThreshold(g)).toBe(true);
    expect(reachesDeclarationThreshold({ ...g, estimatedValue: "100000" })).toBe(true);
    expect(reachesDeclarationThreshold({ ...g, estimatedValue: "99999" })).toBe(false);
    expect(reachesDeclarationThreshold({ ...g, direction: "given" })).toBe(false);
    expect(reachesDeclarationThreshold({ ...g, currency: "usd", estimatedValue: "100" })).toBe(true);
    expect(reachesDeclarationThreshold({ ...g, toBeValued: true })).toBe(false);
  });
});

describe("[MEETINGS] search in three scripts", () => {
  it("finds a logged meeting by English, Chinese and Korean words, and not by others", async () => {
    const db = await seededDb();
    const m = await createMeeting(db, EDITOR, await validInput(db));
    const ids = async (q: string) => (await listMeetings(db, { q })).rows.map((r) => r.id);
    expect(await ids("会谈")).toEqual([m.id]);
    expect(await ids("회담")).toEqual([m.id]);
    // The partner's names in every script find all its meetings, the demo one as well.
    for (const q of ["重庆", "충칭", "chongqing", "ㅊㅊ"]) expect(await ids(q)).toEqual([m.id, 1]);
    expect(await ids("pangyo")).toContain(m.id);
    expect(await ids("Pangy")).toContain(m.id);
    expect(await ids("北京")).toEqual([]);
    expect(await ids("Pangyo 北京")).toEqual([]);
  });

  it("keeps the index in step with edits", async () => {
    const db = await seededDb();
    const m = await createMeeting(db, EDITOR, await validInput(db));
    await updateMeeting(db, EDITOR, m.id, { ...(await validInput(db)), version: m.version, summary: "Now about Suwon only" });
    expect((await listMeetings(db, { q: "会谈" })).rows).toEqual([]);
    expect((await listMeetings(db, { q: "Suwon" })).rows.map((r) => r.id)).toEqual([m.id]);
  });
});

describe("[MEETINGS] the list stays on indexes", () => {
  it.skipIf(onPostgres)("walks meeting_live_starts_id_idx for the default newest-first page's ids (no full scan, no sort but the page's own)", async () => {
    const db = await seededDb();
    const plan = explainListMeetings(db, {});
    expect(plan.join("\n")).toMatch(/LIST SUBQUERY 1\nSCAN meeting USING INDEX meeting_live_starts_id_idx\n/);
    // The one sort left orders the page's rows after the join, never the whole table.
    expect(plan.filter((d) => /TEMP B-TREE/.test(d))).toEqual(["USE TEMP B-TREE FOR ORDER BY"]);
    expect(plan.some((d) => /^SCAN meeting$/.test(d))).toBe(false);
  });

  it.skipIf(onPostgres)("uses meeting_partner_starts_idx for one partner and meeting_live_starts_id_idx for a period", async () => {
    const db = await seededDb();
    expect(explainListMeetings(db, { partnerId: 1 }).join("\n")).toMatch(/meeting USING INDEX meeting_partner_starts_idx \(partner_id=\?\)/);
    expect(explainListMeetings(db, { from: new Date("2019-01-01"), to: new Date("2020-01-01") }).join("\n")).toMatch(
      /meeting USING INDEX meeting_live_starts_id_idx \(starts_at>\? AND starts_at<\?\)/,
    );
  });

  it("pages correctly: a short first page is its own total, later pages count", async () => {
    const db = await seededDb();
    for (const title of ["A", "B", "C"]) await createMeeting(db, EDITOR, { ...(await validInput(db)), title });
    const all = await listMeetings(db, { size: 200 });
    expect(all.total).toBeGreaterThanOrEqual(4);
    const p2 = await listMeetings(db, { size: 1, page: 2 });
    expect(p2.total).toBe(all.total);
    expect(p2.rows[0]!.id).toBe(all.rows[1]!.id);
    const last = await listMeetings(db, { size: 3, page: 2 });
    expect(last.total).toBe(all.total);
    expect(last.rows.length).toBe(all.total - 3);
  });
});
