import type { Db } from "./client";
import { DELEGATION_ROLES, PROGRAMME_KINDS } from "@/lib/domain";

// Synthetic visits for --demo-scale: one for every ten meetings, with partners, a delegation,
// programme items with attendees, travel legs and a checklist. Every name says it is synthetic.
// Rows go in through prepared statements inside seedScale's transaction, like the rest of it.

type Sqlite = Db["$client"];

/** Every BUSY-th visit is a large one (a week, many items, a big delegation): the bench's busy page. */
export const BUSY = 500;

const DAY = 86_400_000;

export interface ScaleVisitContext {
  sqlite: Sqlite;
  random: () => number;
  partners: { id: number }[];
  /** Each partner's synthetic home-side officer and partner-side official (seedScale's). */
  people: Map<number, [number, number]>;
  topics: readonly string[];
  start: number;
  span: number;
  now: number;
}

export function seedScaleVisits(c: ScaleVisitContext, n: number): number {
  const { sqlite, random, now } = c;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const insPerson = sqlite.prepare("insert into person (name_en, title, organisation, side, partner_id, created_at, updated_at) values (?, ?, ?, 'partner', ?, ?, ?)");
  const insVisit = sqlite.prepare(
    `insert into visit (direction, title, purpose, status, starts_on, ends_on, date_precision, head_person_id, hotel, interpreter_languages, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'day', ?, ?, ?, 1, ?, ?)`,
  );
  const insPartner = sqlite.prepare("insert into visit_partner (visit_id, partner_id, position) values (?, ?, 0)");
  const insMember = sqlite.prepare("insert into visit_member (visit_id, person_id, role, title_at_time) values (?, ?, ?, ?)");
  const insItem = sqlite.prepare("insert into programme_item (visit_id, kind, title, starts_at, ends_at, time_zone, place) values (?, ?, ?, ?, ?, ?, ?)");
  const insAttendee = sqlite.prepare("insert into programme_attendee (item_id, person_id) values (?, ?)");
  const insLeg = sqlite.prepare(
    `insert into travel_leg (visit_id, person_id, mode, number, from_place, from_time_zone, departs_at, to_place, to_time_zone, arrives_at)
     values (?, null, 'flight', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insCheck = sqlite.prepare("insert into checklist_item (visit_id, title, side, due_on, done_at, position) values (?, ?, ?, ?, ?, ?)");

  // A pool of synthetic delegates per partner, so a big delegation has distinct people.
  const delegates = new Map<number, number[]>();
  for (const p of c.partners)
    delegates.set(
      p.id,
      Array.from({ length: 12 }, (_, k) => Number(insPerson.run(`Synthetic delegate ${k + 1} of partner ${p.id}`, "Delegate", "Partner office", p.id, now, now).lastInsertRowid)),
    );

  for (let i = 0; i < n; i++) {
    const busy = i % BUSY === 0;
    const partnerId = pick(c.partners).id;
    const [home, theirs] = c.people.get(partnerId)!;
    const pool = delegates.get(partnerId)!;
    const outgoing = random() < 0.5;
    const topic = pick(c.topics);
    const scheduled = busy || random() > 0.05;
    const t = Math.floor(c.start + random() * c.span);
    const startDay = new Date(t - (t % DAY));
    const days = busy ? 7 : 1 + Math.floor(random() * 4);
    const startsOn = scheduled ? startDay.toISOString().slice(0, 10) : null;
    const endsOn = scheduled ? new Date(startDay.getTime() + (days - 1) * DAY).toISOString().slice(0, 10) : null;
    const past = scheduled && startDay.getTime() + days * DAY < now;
    const status = !scheduled ? "idea" : past ? (random() < 0.05 ? "cancelled" : "completed") : pick(["idea", "planned", "confirmed"] as const);
    const zone = outgoing ? "Asia/Shanghai" : "Asia/Seoul";
    const vid = Number(
      insVisit.run(
        outgoing ? "outgoing" : "incoming",
        `Synthetic ${outgoing ? "visit" : "delegation"} #${i + 1}: ${topic}${busy ? " (busy)" : ""}`,
        `Synthetic load-test visit about ${topic}.`,
        status,
        startsOn,
        endsOn,
        outgoing ? home : theirs,
        busy ? "Synthetic hotel" : null,
        busy ? "Korean, Chinese" : null,
        now,
        now,
      ).lastInsertRowid,
    );
    insPartner.run(vid, partnerId);
    const members = [home, theirs, ...pool.slice(0, busy ? 12 : Math.floor(random() * 3))];
    members.forEach((pid, k) => insMember.run(vid, pid, k === 0 ? "head" : pick(DELEGATION_ROLES.slice(1)), k === 0 ? "Officer" : "Delegate"));
    if (scheduled) {
      const perDay = busy ? 5 : 1 + Math.floor(random() * 2);
      for (let d = 0; d < days; d++)
        for (let k = 0; k < perDay; k++) {
          // From 01:00 UTC (10:00 in Seoul, 09:00 in Shanghai), two hours apart: no overlaps.
          const at = startDay.getTime() + d * DAY + (1 + 2 * k) * 3_600_000;
          const item = Number(insItem.run(vid, pick(PROGRAMME_KINDS), `Synthetic programme item ${d + 1}.${k + 1}`, at, at + 90 * 60_000, zone, "Synthetic venue").lastInsertRowid);
          for (const pid of members.slice(0, busy ? 4 : 2)) insAttendee.run(item, pid);
        }
      const flight = `SYN ${100 + (i % 900)}`;
      const [from, to] = outgoing ? ["Synthetic home airport", "Synthetic partner airport"] : ["Synthetic partner airport", "Synthetic home airport"];
      const [fromZone, toZone] = outgoing ? ["Asia/Seoul", "Asia/Shanghai"] : ["Asia/Shanghai", "Asia/Seoul"];
      insLeg.run(vid, flight, from, fromZone, startDay.getTime() - 6 * 3_600_000, to, toZone, startDay.getTime() - 3 * 3_600_000);
      const back = startDay.getTime() + (days - 1) * DAY + 14 * 3_600_000;
      insLeg.run(vid, `SYN ${1100 + (i % 900)}`, to, toZone, back, from, fromZone, back + 3 * 3_600_000);
    }
    const checks = busy ? 20 : 3;
    for (let k = 0; k < checks; k++) {
      const due = startsOn ? new Date(startDay.getTime() - (checks - k) * DAY).toISOString().slice(0, 10) : null;
      insCheck.run(vid, `Synthetic checklist item ${k + 1}`, k % 3 === 2 ? "theirs" : "ours", due, past ? now : null, (k + 1) * 1024);
    }
  }
  return n;
}
