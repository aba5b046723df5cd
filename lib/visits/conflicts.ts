// What the visit page flags in a programme: a person due in two places at once, and a transfer
// or travel leg that arrives after the next thing on the programme has begun.

export interface TimedItem {
  id: number;
  title: string;
  kind: string;
  startsAt: Date | null;
  endsAt: Date | null;
  attendeeIds: number[];
}

export interface TimedLeg {
  id: number;
  personId: number | null;
  departsAt: Date | null;
  arrivesAt: Date | null;
}

export type Conflict =
  | { kind: "overlap"; itemIds: [number, number]; personId: number }
  | { kind: "late_transfer"; itemId: number; nextItemId: number }
  | { kind: "late_arrival"; legId: number; itemId: number; personId: number | null };

type Scheduled = TimedItem & { startsAt: Date };

/** An item without an end lasts no time: it can start a clash, never hold one open. */
const endOf = (i: Scheduled) => (i.endsAt ?? i.startsAt).getTime();

export function findConflicts(items: TimedItem[], legs: TimedLeg[] = []): Conflict[] {
  const timed = items.filter((i): i is Scheduled => i.startsAt !== null).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  const out: Conflict[] = [];
  for (let a = 0; a < timed.length; a++)
    for (let b = a + 1; b < timed.length; b++) {
      const x = timed[a]!;
      const y = timed[b]!;
      if (y.startsAt.getTime() >= endOf(x)) continue;
      const shared = x.attendeeIds.find((p) => y.attendeeIds.includes(p));
      if (shared !== undefined) out.push({ kind: "overlap", itemIds: [x.id, y.id], personId: shared });
    }
  for (let a = 0; a < timed.length; a++) {
    const x = timed[a]!;
    const next = timed.slice(a + 1).find((y) => y.startsAt.getTime() >= x.startsAt.getTime() && y.id !== x.id);
    if (x.kind === "transfer" && x.endsAt && next && x.endsAt.getTime() > next.startsAt.getTime())
      out.push({ kind: "late_transfer", itemId: x.id, nextItemId: next.id });
  }
  for (const leg of legs) {
    if (!leg.arrivesAt) continue;
    const from = leg.departsAt?.getTime() ?? -Infinity;
    // The first item after departure that the traveller (or, for the whole delegation, anyone) attends.
    const next = timed.find((i) => i.startsAt.getTime() >= from && (leg.personId === null || i.attendeeIds.includes(leg.personId)));
    if (next && leg.arrivesAt.getTime() > next.startsAt.getTime())
      out.push({ kind: "late_arrival", legId: leg.id, itemId: next.id, personId: leg.personId });
  }
  return out;
}
