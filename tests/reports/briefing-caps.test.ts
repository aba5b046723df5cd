import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { action, gift, meeting, partner } from "@/db/schema";
import { briefingData, PDF_BRIEFING_CAPS } from "@/db/queries/briefing";
import { SYSTEM_ACTOR, writeAudit } from "@/db/audit";
import { createAction } from "@/db/queries/actions";
import { createMeeting, setMeetingArchived } from "@/db/queries/meetings";
import { memoAggregate } from "@/db/memo";
import { inTransaction, isSqlite } from "@/db/tx";
import { seededDb } from "../helpers/db";

// The PDF briefing reads each side's first unfinished follow-ups and the latest gifts, with counts
// of all of them; the workbook reads every one. Both must show the same first rows and numbers.

describe("[REPORTS] the briefing's capped lists", () => {
  it("hold the full lists' first follow-ups per side and latest gifts, and count them all", async () => {
    const db = await seededDb();
    const cq = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")))[0]!.id;
    const base = (await db.select().from(action).where(eq(action.partnerId, cq)).limit(1))[0]!;
    const { id: _a, ...rest } = base;
    // 150 more follow-ups on both sides, some undated, some due on the same day, a few archived or cancelled.
    await db.insert(action).values(
      Array.from({ length: 150 }, (_, i) => ({
        ...rest,
        title: `Busy follow-up ${i}`,
        side: i % 3 ? "ours" : "theirs",
        status: i % 11 === 0 ? "cancelled" : i % 2 ? "open" : "blocked",
        completedAt: null,
        dueOn: i % 7 === 0 ? null : `2027-0${(i % 9) + 1}-1${i % 4}`,
        archivedAt: i % 13 === 0 ? new Date() : null,
      })),
    );
    const m = (await db.select().from(meeting).where(eq(meeting.partnerId, cq)).limit(1))[0]!;
    const g = (await db.select().from(gift).where(eq(gift.meetingId, m.id)).limit(1))[0]!;
    const { id: _g, ...giftRest } = g;
    await db.insert(gift).values(Array.from({ length: 60 }, (_, i) => ({ ...giftRest, item: `Busy gift ${i}`, archivedAt: i % 9 === 0 ? new Date() : null })));

    const full = (await briefingData(db, cq))!;
    const capped = (await briefingData(db, cq, { caps: PDF_BRIEFING_CAPS }))!;
    const side = (d: typeof full, s: "ours" | "theirs") => d.actions.filter((a) => (a.side === "ours") === (s === "ours")).map((a) => a.id);
    for (const s of ["ours", "theirs"] as const) {
      expect(side(full, s).length).toBeGreaterThan(PDF_BRIEFING_CAPS.actions);
      expect(side(capped, s)).toEqual(side(full, s).slice(0, PDF_BRIEFING_CAPS.actions));
    }
    expect(capped.totals).toEqual(full.totals);
    expect(full.totals).toEqual({ actionsOurs: side(full, "ours").length, actionsTheirs: side(full, "theirs").length, gifts: full.gifts.length });
    expect(full.gifts.length).toBeGreaterThan(PDF_BRIEFING_CAPS.gifts);
    expect(capped.gifts.map((x) => x.id)).toEqual(full.gifts.slice(-PDF_BRIEFING_CAPS.gifts).map((x) => x.id));
    // Soonest first, undated last, on both engines.
    const due = full.actions.map((a) => a.dueOn ?? "9999");
    expect(due).toEqual([...due].sort());
  });

  it("keeps its counts and who has met the partner through an export, and follows every write", async () => {
    const db = await seededDb();
    const cq = (await db.select({ id: partner.id }).from(partner).where(eq(partner.slug, "chongqing")))[0]!.id;
    const read = async () => (await briefingData(db, cq, { caps: PDF_BRIEFING_CAPS }))!;
    const before = await read();

    // An export's audit row is no change to what is kept; on SQLite the kept value survives it.
    let computed = 0;
    const kept = () => memoAggregate(db, "test:kept-through-export", async () => ++computed);
    await kept();
    await inTransaction(db, (tx) => writeAudit(tx, SYSTEM_ACTOR, { event: "export", recordType: "report", after: { report: "briefing" } }));
    expect(await read()).toEqual(before);
    await kept();
    expect(computed).toBe(isSqlite(db) ? 1 : 2);

    await createAction(db, SYSTEM_ACTOR, { partnerId: cq, title: "Kept count follow-up", side: "theirs", status: "open", dueOn: "2026-12-20" });
    await kept();
    expect(computed).toBe(isSqlite(db) ? 2 : 3);
    const m = await createMeeting(db, SYSTEM_ACTOR, {
      partnerId: cq,
      title: "A first meeting with them",
      kind: "meeting",
      status: "held",
      date: "2026-11-10",
      time: "10:00",
      timeZone: "Asia/Seoul",
      participants: [{ newPerson: { nameEn: "Newly met officer", side: "home" } }],
    });
    const after = await read();
    expect(after.totals).toEqual({ ...before.totals, actionsTheirs: before.totals.actionsTheirs + 1 });
    expect(after.people.map((p) => p.nameEn)).toContain("Newly met officer");
    await setMeetingArchived(db, SYSTEM_ACTOR, m.id, true);
    expect((await read()).people.map((p) => p.nameEn)).not.toContain("Newly met officer");
  });
});
