import { and, asc, desc, eq, gte, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { action, gift, meeting, milestone, participant, partner, person, user } from "../schema";
import { actionColumns, actionOwnerColumns, giftColumns } from "./columns";
import { unfinishedAction } from "./action-rules";
import { giftsOfPartner } from "./gifts";
import { ON_PG } from "../dialect";
import { rawGet } from "../tx";
import { keptCount, memoAggregate } from "../memo";

// The partner briefing's records. The workbook lists every unfinished follow-up and gift; the PDF
// shows the first few of each with how many there are ("and 359,970 more in Follow-up actions").
// Read whole, a busy partner's lists were the briefing's time (4.2 s for the PDF at 1M meetings,
// where the busiest partner has 360,000 unfinished follow-ups), so the PDF reads its lists capped
// and counts the rest.

/** What the PDF shows at most: per side of the follow-ups, and of the gifts (the latest). */
export interface BriefingCaps {
  actions: number;
  gifts: number;
}

/** The PDF's lists: 30 follow-ups (of both sides, soonest first) and the latest 40 gifts. */
export const PDF_BRIEFING_CAPS: BriefingCaps = { actions: 30, gifts: 40 };

/**
 * Overdue and soonest first, undated last, then by id: the briefing's order for follow-ups, as
 * action_live_partner_side_idx holds it, so each side's first ones are read without a sort.
 */
const DUE_ORDER = [sql`(${action.dueOn} is null)`, asc(action.dueOn), asc(action.id)];

/** `action`, through action_live_partner_side_idx on SQLite (see live-indexes.ts for why it is named). */
const liveActionsBySide: SQL = ON_PG ? sql`${action}` : sql`${action} indexed by action_live_partner_side_idx`;

function partnerActions(db: Db, where: SQL | undefined, limit?: number) {
  const q = db
    .select({ ...actionColumns, ...actionOwnerColumns })
    .from(action)
    .leftJoin(person, eq(person.id, action.ownerPersonId))
    .leftJoin(user, eq(user.id, action.ownerUserId))
    .where(where)
    .orderBy(...DUE_ORDER);
  return limit === undefined ? q : q.limit(limit);
}

/**
 * Everything the partner briefing shows, for one partner. With `caps`, each side's first
 * unfinished follow-ups and the latest gifts only, with `totals` counting all of them; without,
 * every one (and `totals` their number).
 */
export async function briefingData(db: Db, partnerId: number, opts: { meetings?: number; now?: Date; caps?: BriefingCaps } = {}) {
  const p = (await db.select().from(partner).where(eq(partner.id, partnerId)).limit(1))[0];
  if (!p) return null;
  const milestones = await db
    .select()
    .from(milestone)
    .where(and(eq(milestone.partnerId, partnerId), isNull(milestone.archivedAt)))
    .orderBy(asc(milestone.date), asc(milestone.id));
  const meetings = await db
    .select()
    .from(meeting)
    .where(and(eq(meeting.partnerId, partnerId), isNull(meeting.archivedAt)))
    .orderBy(desc(meeting.startsAt), desc(meeting.id))
    .limit(opts.meetings ?? 10);

  const open = and(eq(action.partnerId, partnerId), unfinishedAction());
  const ours = and(open, eq(action.side, "ours"));
  const theirs = and(open, eq(action.side, "theirs"));
  const caps = opts.caps;
  const actions = caps
    ? [...(await partnerActions(db, ours, caps.actions)), ...(await partnerActions(db, theirs, caps.actions))]
    : await partnerActions(db, open);

  const giftCols = { ...giftColumns, meetingTitle: meeting.title, meetingAt: meeting.startsAt, meetingZone: meeting.timeZone };
  let gifts;
  let giftTotal: number;
  if (caps) {
    // The latest `caps.gifts`, read newest first and shown oldest first as the whole list is, and
    // counted in the same pass (a window before the limit).
    const latest = await db
      .select({ ...giftCols, n: sql<number>`count(*) over ()` })
      .from(gift)
      .crossJoin(meeting)
      .where(giftsOfPartner(partnerId))
      .orderBy(desc(meeting.startsAt), desc(gift.id))
      .limit(caps.gifts);
    giftTotal = latest.length ? Number(latest[0]!.n) : 0;
    gifts = latest.reverse().map(({ n: _n, ...g }) => g);
  } else {
    gifts = await db.select(giftCols).from(gift).crossJoin(meeting).where(giftsOfPartner(partnerId)).orderBy(asc(meeting.startsAt), asc(gift.id));
    giftTotal = gifts.length;
  }

  // Each side counted off the side index's range for it (one pass over both, summing a case per
  // row, took four times as long), and kept until a write like the partner's other counts.
  const count = (side: string, where: SQL | undefined) =>
    keptCount(db, "briefing-open", { partnerId, side }, async () => Number((await rawGet<{ n: number }>(db, sql`select count(*) as n from ${liveActionsBySide} where ${where}`))?.n ?? 0));
  const sides = caps ? { ours: await count("ours", ours), theirs: await count("theirs", theirs) } : null;
  const totals = sides
    ? { actionsOurs: sides.ours, actionsTheirs: sides.theirs, gifts: giftTotal }
    : { actionsOurs: actions.filter((a) => a.side === "ours").length, actionsTheirs: actions.filter((a) => a.side !== "ours").length, gifts: giftTotal };

  // The partner's officials, and our own people who have met them. Who has met them reads every
  // participant of the partner's meetings (1 s for 200,000 meetings), so it is kept until a write,
  // as the partner's counts are; an export's own audit row does not end it (memo.ts, notKept).
  const met = await memoAggregate(db, `briefing:met:${partnerId}`, async () =>
    (await db
      .selectDistinct({ id: participant.personId })
      .from(participant)
      .innerJoin(meeting, eq(meeting.id, participant.meetingId))
      .innerJoin(person, and(eq(person.id, participant.personId), eq(person.side, "home")))
      .where(and(eq(meeting.partnerId, partnerId), isNull(meeting.archivedAt)))).map((r) => r.id),
  );
  const people = await db
    .select({ id: person.id, nameEn: person.nameEn, nameLocal: person.nameLocal, title: person.title, organisation: person.organisation, side: person.side })
    .from(person)
    .where(and(isNull(person.archivedAt), or(eq(person.partnerId, partnerId), and(eq(person.side, "home"), met.length ? inArray(person.id, met) : sql`false`))))
    .orderBy(desc(person.side), asc(person.nameEn), asc(person.id));
  const now = opts.now ?? new Date();
  const upcoming = await db
    .select({ id: meeting.id, title: meeting.title, kind: meeting.kind, startsAt: meeting.startsAt, timeZone: meeting.timeZone, venue: meeting.venue, city: meeting.city })
    .from(meeting)
    .where(and(eq(meeting.partnerId, partnerId), isNull(meeting.archivedAt), eq(meeting.status, "planned"), gte(meeting.startsAt, now)))
    .orderBy(asc(meeting.startsAt), asc(meeting.id))
    .limit(5);
  const lastHeld = (await db
    .select({ at: meeting.startsAt, zone: meeting.timeZone })
    .from(meeting)
    .where(and(eq(meeting.partnerId, partnerId), isNull(meeting.archivedAt), eq(meeting.status, "held")))
    .orderBy(desc(meeting.startsAt))
    .limit(1))[0];
  return { partner: p, milestones, meetings, actions, gifts, totals, people, upcoming, lastHeld: lastHeld ?? null };
}

export type BriefingData = NonNullable<Awaited<ReturnType<typeof briefingData>>>;
