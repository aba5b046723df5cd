import { and, asc, count, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../client";
import { action, gift, meeting, milestone, participant, partner, person, user } from "../schema";
import { actionOwnerColumns } from "./columns";
import { unfinishedAction } from "./action-rules";
import { getHomeRegion } from "./settings";
import { getVisit, visitGiftWarnings } from "./visit-views";

// What the visit briefing book reads. Every list is capped, so a visit with the busiest partner
// costs a fixed number of small queries (issue 19's bar for the partner briefing).

export const BOOK_CAPS = { commitments: 15, giftsBefore: 40, pastMeetings: 8, counterparts: 30 } as const;

const personCols = { id: person.id, nameEn: person.nameEn, nameLocal: person.nameLocal, title: person.title, organisation: person.organisation, side: person.side, partnerId: person.partnerId };

async function commitments(db: Db, partnerIds: number[], side: "ours" | "theirs") {
  const where = and(inArray(action.partnerId, partnerIds), eq(action.side, side), unfinishedAction());
  const rows = await db
    .select({
      id: action.id,
      title: action.title,
      status: action.status,
      dueOn: action.dueOn,
      partnerId: action.partnerId,
      ...actionOwnerColumns,
    })
    .from(action)
    .leftJoin(person, eq(person.id, action.ownerPersonId))
    .leftJoin(user, eq(user.id, action.ownerUserId))
    .where(where)
    // Dated ones first, soonest (so overdue) first; undated last.
    .orderBy(asc(isNull(action.dueOn)), asc(action.dueOn), asc(action.id))
    .limit(BOOK_CAPS.commitments);
  const total = rows.length < BOOK_CAPS.commitments ? rows.length : ((await db.select({ n: count() }).from(action).where(where))[0]?.n ?? 0);
  return { rows, total };
}

/** Everything the visit briefing book prints, or a NotFoundError for an unknown visit. */
export async function visitBriefingData(db: Db, visitId: number, now = new Date()) {
  const v = await getVisit(db, visitId);
  const partnerIds = v.partnerIds;
  const partners = partnerIds.length ? await db.select().from(partner).where(inArray(partner.id, partnerIds)) : [];
  partners.sort((a, b) => partnerIds.indexOf(a.id) - partnerIds.indexOf(b.id));

  const mentioned = [
    ...v.members.map((m) => m.personId),
    ...v.programme.flatMap((p) => p.attendeeIds),
    ...v.legs.flatMap((l) => (l.personId ? [l.personId] : [])),
    ...v.gifts.flatMap((g) => (g.toPersonId ? [g.toPersonId] : [])),
    ...(v.headPersonId ? [v.headPersonId] : []),
  ];
  const people = mentioned.length ? await db.select(personCols).from(person).where(inArray(person.id, [...new Set(mentioned)])) : [];

  // Counterparts: their-side people in the delegation or attending the programme, in that order.
  const theirs = new Set(people.filter((p) => p.side === "partner").map((p) => p.id));
  const counterpartIds = [...new Set([...v.members.map((m) => m.personId), ...v.programme.flatMap((p) => p.attendeeIds)])].filter((id) => theirs.has(id)).slice(0, BOOK_CAPS.counterparts);
  const pastMeetings = new Map<number, { id: number; title: string; startsAt: Date; timeZone: string; titleAtTime: string | null }[]>();
  for (const personId of counterpartIds)
    pastMeetings.set(
      personId,
      await db
        .select({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, timeZone: meeting.timeZone, titleAtTime: participant.titleAtTime })
        .from(participant)
        .innerJoin(meeting, eq(meeting.id, participant.meetingId))
        .where(and(eq(participant.personId, personId), isNull(meeting.archivedAt), eq(meeting.status, "held"), lt(meeting.startsAt, now)))
        .orderBy(desc(meeting.startsAt), desc(meeting.id))
        .limit(BOOK_CAPS.pastMeetings),
    );

  const milestones = partnerIds.length
    ? await db
        .select()
        .from(milestone)
        .where(and(inArray(milestone.partnerId, partnerIds), isNull(milestone.archivedAt)))
        .orderBy(asc(milestone.date), asc(milestone.id))
    : [];

  const ours = partnerIds.length ? await commitments(db, partnerIds, "ours") : { rows: [], total: 0 };
  const theirsOpen = partnerIds.length ? await commitments(db, partnerIds, "theirs") : { rows: [], total: 0 };

  // Gifts exchanged before: at the partners' meetings, or to or from the visit's counterparts.
  const giftWhere = and(
    isNull(gift.archivedAt),
    isNull(meeting.archivedAt),
    or(
      partnerIds.length ? inArray(meeting.partnerId, partnerIds) : undefined,
      counterpartIds.length ? inArray(gift.toPersonId, counterpartIds) : undefined,
      counterpartIds.length ? inArray(gift.fromPersonId, counterpartIds) : undefined,
    ),
  );
  const giftsBefore =
    partnerIds.length || counterpartIds.length
      ? await db
          .select({
            id: gift.id,
            direction: gift.direction,
            item: gift.item,
            description: gift.description,
            fromPersonId: gift.fromPersonId,
            toPersonId: gift.toPersonId,
            meetingTitle: meeting.title,
            meetingAt: meeting.startsAt,
            meetingZone: meeting.timeZone,
          })
          .from(gift)
          .innerJoin(meeting, eq(meeting.id, gift.meetingId))
          .where(giftWhere)
          .orderBy(desc(meeting.startsAt), desc(gift.id))
          .limit(BOOK_CAPS.giftsBefore + 1)
      : [];
  const giftPeopleIds = giftsBefore.flatMap((g) => [g.fromPersonId, g.toPersonId]).filter((id): id is number => id !== null && !people.some((p) => p.id === id));
  const giftPeople = giftPeopleIds.length ? await db.select(personCols).from(person).where(inArray(person.id, [...new Set(giftPeopleIds)])) : [];

  return {
    visit: v,
    partners,
    people: [...people, ...giftPeople],
    counterpartIds,
    pastMeetings,
    milestones,
    commitments: { ours, theirs: theirsOpen },
    giftsBefore: giftsBefore.slice(0, BOOK_CAPS.giftsBefore),
    moreGifts: giftsBefore.length > BOOK_CAPS.giftsBefore,
    giftWarnings: v.gifts.length ? await visitGiftWarnings(db, v) : new Map<number, never[]>(),
    home: await getHomeRegion(db),
  };
}
export type VisitBriefingData = Awaited<ReturnType<typeof visitBriefingData>>;
