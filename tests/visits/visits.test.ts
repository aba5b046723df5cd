import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getMeeting, updateMeeting } from "@/db/queries/meetings";
import { getVisit, listVisits, visitGiftWarnings, visitOfMeeting } from "@/db/queries/visit-views";
import { createVisit, programmeItemToMeeting, setChecklistDone, updateVisit } from "@/db/queries/visits";
import { auditEvent, person, programmeItem, visit } from "@/db/schema";
import { formatInstantWithZone, utcToZonedParts } from "@/lib/format";
import { agendaDays, durationMinutes } from "@/lib/visits/agenda";
import { messageKey } from "@/lib/validation/message-key";
import { findConflicts } from "@/lib/visits/conflicts";
import { EDITOR, seededDb } from "../helpers/db";

let db: Db;
beforeEach(async () => {
  db = await seededDb();
});

const personId = async (name: string) => (await db.select({ id: person.id }).from(person).where(eq(person.nameEn, name)).limit(1))[0]!.id;
const visitId = async (direction: "incoming" | "outgoing") => (await db.select({ id: visit.id }).from(visit).where(eq(visit.direction, direction)).limit(1))[0]!.id;

/** The stored visit as the form sends it back: parts by id, times as instants. */
async function asInput(id: number) {
  const v = await getVisit(db, id);
  return {
    ...v,
    programme: v.programme.map(({ meetingId: _m, ...p }) => ({ ...p, startsAt: p.startsAt?.toISOString(), endsAt: p.endsAt?.toISOString() })),
    legs: v.legs.map((l) => ({ ...l, departsAt: l.departsAt?.toISOString(), arrivesAt: l.arrivesAt?.toISOString() })),
  };
}

describe("[VISITS] times and zones", () => {
  it("keeps an item crossing Berlin's change from summer time as its real length, on the day of its own zone", async () => {
    const id = (
      await createVisit(db, EDITOR, {
        direction: "outgoing",
        title: "Berlin night train",
        status: "planned",
        partnerIds: [1],
        programme: [
          // Clocks go back at 03:00 on 25 October 2026: 22:00 to 06:00 is nine hours, not eight.
          { kind: "transfer", title: "Overnight", timeZone: "Europe/Berlin", startDate: "2026-10-24", startTime: "22:00", endDate: "2026-10-25", endTime: "06:00" },
          { kind: "meal", title: "Late supper", timeZone: "Europe/Berlin", startDate: "2026-10-24", startTime: "23:30", endTime: "23:59" },
        ],
      })
    ).id;
    const v = await getVisit(db, id);
    const [night, supper] = v.programme;
    expect(night!.startsAt!.toISOString()).toBe("2026-10-24T20:00:00.000Z");
    expect(night!.endsAt!.toISOString()).toBe("2026-10-25T05:00:00.000Z");
    expect(durationMinutes(night!.startsAt!, night!.endsAt!)).toBe(9 * 60);
    expect(formatInstantWithZone(night!.endsAt!, "Europe/Berlin", "en")).toContain("(UTC+01:00, Europe/Berlin)");
    expect(formatInstantWithZone(night!.startsAt!, "Europe/Berlin", "en")).toContain("(UTC+02:00, Europe/Berlin)");
    // 23:30 in Berlin is already the next morning in Seoul; the agenda files it under Berlin's day.
    expect(utcToZonedParts(supper!.startsAt!, "Asia/Seoul").date).toBe("2026-10-25");
    expect(agendaDays(v.programme).days.map((d) => [d.date, d.items.length])).toEqual([["2026-10-24", 2]]);
  });

  it("reads a flight's two ends in their own zones, and flags it when it lands after the next item starts", async () => {
    const tang = await personId("Tang Liangzhi");
    const id = await visitId("incoming");
    const input = await asInput(id);
    const saved = await updateVisit(db, EDITOR, id, {
      ...input,
      programme: [
        ...input.programme,
        { kind: "meeting", title: "Welcome", timeZone: "Asia/Seoul", startDate: "2026-05-12", startTime: "12:00", endTime: "13:00", attendeeIds: [tang] },
        { kind: "meal", title: "Lunch", timeZone: "Asia/Seoul", startDate: "2026-05-12", startTime: "12:30", endTime: "14:00", attendeeIds: [tang] },
      ],
      legs: [
        { personId: tang, mode: "flight", number: "OZ 320", fromPlace: "Chongqing", fromTimeZone: "Asia/Shanghai", departDate: "2026-05-12", departTime: "09:00", toPlace: "Incheon", toTimeZone: "Asia/Seoul", arriveDate: "2026-05-12", arriveTime: "12:40" },
      ],
    });
    const v = await getVisit(db, saved.id);
    const leg = v.legs[0]!;
    expect(leg.departsAt!.toISOString()).toBe("2026-05-12T01:00:00.000Z");
    expect(leg.arrivesAt!.toISOString()).toBe("2026-05-12T03:40:00.000Z");
    const byTitle = (t: string) => v.programme.find((p) => p.title === t)!.id;
    const conflicts = findConflicts(v.programme, v.legs);
    expect(conflicts).toContainEqual({ kind: "overlap", itemIds: [byTitle("Welcome"), byTitle("Lunch")], personId: tang });
    expect(conflicts).toContainEqual({ kind: "late_arrival", legId: leg.id, itemId: byTitle("Welcome"), personId: tang });
  });

  it("flags a transfer that arrives after the next item starts, and nothing when the programme fits", () => {
    const d = (h: number) => new Date(Date.UTC(2026, 4, 12, h));
    const items = [
      { id: 1, title: "Drive", kind: "transfer", startsAt: d(1), endsAt: d(3), attendeeIds: [] },
      { id: 2, title: "Visit", kind: "site_visit", startsAt: d(2), endsAt: d(4), attendeeIds: [7] },
    ];
    expect(findConflicts(items)).toEqual([{ kind: "late_transfer", itemId: 1, nextItemId: 2 }]);
    expect(findConflicts([{ ...items[0]!, endsAt: d(2) }, items[1]!])).toEqual([]);
  });
});

describe("[VISITS] gifts to prepare", () => {
  it("warns when a planned gift repeats what the same counterpart already received, not for another person or the entry itself", async () => {
    const id = await visitId("incoming");
    const input = await asInput(id);
    await updateVisit(db, EDITOR, id, {
      ...input,
      gifts: [
        { item: "Moon jar (white porcelain)", toPersonId: await personId("Tang Liangzhi") },
        { item: "Moon Jar", toPersonId: await personId("Luo Qingchen") },
        { item: "Celadon vase", toPersonId: await personId("Tang Liangzhi") },
      ],
    });
    const v = await getVisit(db, id);
    const warnings = await visitGiftWarnings(db, v);
    expect([...warnings.keys()]).toEqual([v.gifts[0]!.id]);
    expect(warnings.get(v.gifts[0]!.id)![0]!.item).toBe('White porcelain "Moon Jar"');
    // The governor's visit planned the Moon Jar that became the register's entry: no warning.
    const governor = await getVisit(db, await visitId("outgoing"));
    expect(governor.gifts[0]!.giftId).not.toBeNull();
    expect((await visitGiftWarnings(db, governor)).size).toBe(0);
  });
});

describe("[VISITS] saving", () => {
  it("saves all or nothing: one unknown attendee and neither the visit nor any part of it changes", async () => {
    const id = await visitId("incoming");
    const before = await getVisit(db, id);
    const audits = (await db.select().from(auditEvent)).length;
    const input = await asInput(id);
    await expect(
      updateVisit(db, EDITOR, id, {
        ...input,
        title: "Renamed",
        checklist: [...input.checklist, { title: "Visas", side: "ours" }],
        programme: [...input.programme, { kind: "press", title: "Press", timeZone: "Asia/Seoul", attendeeIds: [999_999] }],
      }),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { "programme.2.attendeeIds.0": [messageKey("unknownPerson")] } });
    expect(await getVisit(db, id)).toEqual(before);
    expect((await db.select().from(auditEvent)).length).toBe(audits);
    const visits = (await db.select().from(visit)).length;
    await expect(
      createVisit(db, EDITOR, { direction: "incoming", title: "Half", status: "idea", partnerIds: [1], legs: [{ fromPlace: "A", fromTimeZone: "Asia/Seoul", toPlace: "B", toTimeZone: "Mars/Olympus" }] }),
    ).rejects.toMatchObject({ code: "validation_failed" });
    await expect(createVisit(db, EDITOR, { direction: "incoming", title: "Half", status: "idea", partnerIds: [1], members: [{ personId: 999_999 }] })).rejects.toMatchObject({
      code: "validation_failed",
    });
    expect((await db.select().from(visit)).length).toBe(visits);
  });

  it("answers a stale version with a conflict that names who changed it, and keeps their change", async () => {
    const id = await visitId("incoming");
    const input = await asInput(id);
    await updateVisit(db, { ...EDITOR, label: "first@test" }, id, { ...input, hotel: "First" });
    await expect(updateVisit(db, EDITOR, id, { ...input, hotel: "Second" })).rejects.toMatchObject({ code: "conflict", details: { changedBy: "first@test" } });
    const item = (await getVisit(db, id)).checklist[0]!;
    await expect(setChecklistDone(db, EDITOR, id, { itemId: item.id, done: true, version: input.version })).rejects.toMatchObject({ code: "conflict" });
    expect((await getVisit(db, id)).hotel).toBe("First");
  });

  it("ticks checklist items and keeps when each was done through a save of the whole form", async () => {
    const id = await visitId("incoming");
    const v = await getVisit(db, id);
    const { version } = await setChecklistDone(db, EDITOR, id, { itemId: v.checklist[0]!.id, done: true, version: v.version });
    const ticked = await getVisit(db, id);
    expect(ticked.version).toBe(version);
    expect(ticked.checklist[0]!.done).toBe(true);
    await updateVisit(db, EDITOR, id, await asInput(id));
    expect((await getVisit(db, id)).checklist[0]!.doneAt).toEqual(ticked.checklist[0]!.doneAt);
  });

  it("lists upcoming visits first, then the past", async () => {
    const { rows } = await listVisits(db, { today: "2026-12-01" });
    expect(rows.map((r) => r.direction)).toEqual(["incoming", "outgoing"]);
    expect((await listVisits(db, { today: "2026-12-01", period: "past" })).rows.map((r) => r.status)).toEqual(["completed"]);
  });
});

describe("[VISITS] programme items that become meetings", () => {
  it("links the meeting and the item both ways, and keeps the link through edits of either", async () => {
    const id = await visitId("incoming");
    const tang = await personId("Tang Liangzhi");
    const input = await asInput(id);
    await updateVisit(db, EDITOR, id, {
      ...input,
      members: [{ personId: tang, role: "head", titleAtTime: "Mayor of Chongqing" }],
      programme: input.programme.map((p, i) => (i === 0 ? { ...p, startsAt: undefined, startDate: "2026-05-13", startTime: "10:00", endTime: "11:30" } : p)),
    });
    const planned = await getVisit(db, id);
    const item = planned.programme.find((p) => p.startsAt)!;
    const { meetingId } = await programmeItemToMeeting(db, EDITOR, id, { itemId: item.id, version: planned.version });
    const m = await getMeeting(db, meetingId);
    expect(m).toMatchObject({ status: "held", timeZone: "Asia/Seoul", durationMinutes: 90, venue: "Pangyo Techno Valley" });
    expect(m.participants.map((p) => [p.personId, p.role, p.titleAtTime])).toEqual([[tang, "lead", "Mayor of Chongqing"]]);
    expect(await visitOfMeeting(db, meetingId)).toMatchObject({ visitId: id, itemId: item.id });

    // The form sends items back without their meeting; moving and renaming one keeps the link.
    const again = await asInput(id);
    await updateVisit(db, EDITOR, id, { ...again, programme: again.programme.map((p) => (p.id === item.id ? { ...p, title: "Pangyo, moved", startsAt: undefined, startDate: "2026-05-14", startTime: "09:00", endTime: "10:00" } : p)) });
    await updateMeeting(db, EDITOR, meetingId, { ...m, participants: [{ personId: tang, role: "lead" }], gifts: [], actions: [], startsAt: m.startsAt.toISOString() });
    expect((await db.select({ m: programmeItem.meetingId }).from(programmeItem).where(eq(programmeItem.id, item.id)).limit(1))[0]!.m).toBe(meetingId);
    expect(await visitOfMeeting(db, meetingId)).toMatchObject({ visitId: id, itemTitle: "Pangyo, moved" });
    await expect(programmeItemToMeeting(db, EDITOR, id, { itemId: item.id, version: (await getVisit(db, id)).version })).rejects.toMatchObject({ code: "conflict" });
    // The governor's seeded visit holds the 27 November meeting.
    expect(await visitOfMeeting(db, 1)).toMatchObject({ visitId: await visitId("outgoing") });
  });
});
