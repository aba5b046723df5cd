import "server-only";
// The visit briefing book's content: every word the PDF and the workbook print, worked out once
// here so both formats say the same thing. Times are shown in the place's zone and, where the
// clock differs, in the home region's.
import type { VisitBriefingData } from "@/db/queries/visit-briefing";
import type { DatePrecision } from "@/lib/domain";
import { formatDate, formatInstant, formatPrecisionDate, todayIn, utcToZonedParts, zoneOffset, type Locale } from "@/lib/format";
import { agendaDays } from "@/lib/visits/agenda";
import { visitDates } from "@/lib/visits/when";
import type { Translate } from "./report-columns";

type Person = VisitBriefingData["people"][number];

const POINTS_PER_SIDE = 5;

export interface PartnerNames {
  en: string;
  ko: string;
  local: string | null;
}
export interface ProgrammeRow {
  day: string;
  placeTime: string;
  homeTime: string | null;
  kind: string;
  title: string;
  place: string | null;
  attendees: string;
  notes: string | null;
  meeting: string | null;
}
export interface CommitmentRow {
  side: string;
  partner: string;
  title: string;
  owner: string;
  due: string;
  overdue: boolean;
  status: string;
}
export interface BookModel {
  lang: Locale;
  /** The face for Han text: the main partner's country decides it. */
  country: string;
  cover: { kicker: string; title: string; partners: PartnerNames[]; facts: [string, string][]; purpose: string | null; prepared: string };
  programme: { days: { label: string; rows: ProgrammeRow[] }[]; unscheduled: ProgrammeRow[]; homeZone: string };
  delegation: { name: string; local: string | null; role: string; title: string | null; side: string }[];
  counterparts: { name: string; local: string | null; title: string | null; organisation: string | null; partner: string | null; meetings: { date: string; title: string; titleAtTime: string | null }[] }[];
  history: { partner: PartnerNames; since: string; level: string; milestones: { date: string; kind: string; title: string; expires: string | null; notes: string | null }[] }[];
  commitments: { ours: CommitmentRow[]; theirs: CommitmentRow[]; oursMore: number; theirsMore: number };
  giftsBefore: { date: string; direction: string; item: string; from: string | null; to: string | null; meeting: string; description: string | null }[];
  giftsBeforeMore: boolean;
  plannedGifts: { item: string; description: string | null; to: string | null; inRegister: boolean; warnings: string[] }[];
  logistics: { legs: { traveller: string; carrier: string; from: string; departs: string | null; departsHome: string | null; to: string; arrives: string | null; arrivesHome: string | null }[]; facts: [string, string][] };
  points: { lead: string; items: string[] };
}

export interface BookOptions {
  lang: Locale;
  t: Translate;
  preparedBy: string;
  /** The reader's zone: the preparation time is written in it. */
  viewerZone: string;
  now?: Date;
}

/** "27 Nov 2019, 15:00 – 16:00 (UTC+08:00, Asia/Shanghai)"; an end on another day or offset says so. */
export function timeSpan(start: Date, end: Date | null, zone: string, lang: Locale): string {
  const from = utcToZonedParts(start, zone);
  const to = end ? utcToZonedParts(end, zone) : null;
  const endText = end && to ? (to.date === from.date ? to.time : formatInstant(end, zone, lang)) : null;
  const off = zoneOffset(start, zone);
  const endOff = end ? zoneOffset(end, zone) : off;
  return `${formatInstant(start, zone, lang)}${endText ? ` – ${endText}` : ""} (UTC${off}${endOff !== off ? ` → UTC${endOff}` : ""}, ${zone})`;
}

/** The same span in the home zone, or null where its clock reads the same as the place's. */
export function homeSpan(start: Date, end: Date | null, zone: string, homeZone: string, lang: Locale): string | null {
  const same = zoneOffset(start, zone) === zoneOffset(start, homeZone) && (!end || zoneOffset(end, zone) === zoneOffset(end, homeZone));
  return same ? null : timeSpan(start, end, homeZone, lang);
}

export function buildVisitBook(d: VisitBriefingData, o: BookOptions): BookModel {
  const { lang, t } = o;
  const b = (k: string, v?: Record<string, string | number>) => t(`visits.book.${k}`, v);
  const v = d.visit;
  const now = o.now ?? new Date();
  const today = todayIn(o.viewerZone, now);
  const homeZone = d.home.timeZone;
  const people = new Map(d.people.map((p) => [p.id, p]));
  const member = new Map(v.members.map((m) => [m.personId, m]));
  const nameOf = (p: Person | undefined) => (p ? (p.nameLocal ? `${p.nameEn} (${p.nameLocal})` : p.nameEn) : "");
  const name = (id: number | null | undefined) => (id ? nameOf(people.get(id)) : null);
  const partnerName = (p: { nameEn: string; nameKo: string }) => (lang === "ko" ? p.nameKo : p.nameEn);
  const partnerById = new Map(d.partners.map((p) => [p.id, p]));
  const names = (p: (typeof d.partners)[number]): PartnerNames => ({ en: p.nameEn, ko: p.nameKo, local: p.nameLocal });
  const notGiven = b("notGiven");

  const head = v.headPersonId ? people.get(v.headPersonId) : undefined;
  const headTitle = v.headPersonId ? (member.get(v.headPersonId)?.titleAtTime ?? head?.title ?? null) : null;
  const cover: BookModel["cover"] = {
    kicker: b("kicker"),
    title: v.title,
    partners: d.partners.map(names),
    facts: [
      [b("direction"), t(`visits.direction.${v.direction}`)],
      [b("dates"), visitDates(v, lang) ?? t("visits.toBeScheduled")],
      [b("status"), t(`visits.status.${v.status}`)],
      [b("head"), head ? [nameOf(head), headTitle].filter(Boolean).join(", ") : notGiven],
      [b("counterparts"), d.counterpartIds.map((id) => name(id)).join(", ") || b("noCounterparts")],
      [b("commitments"), b("commitmentCounts", { ours: d.commitments.ours.total, theirs: d.commitments.theirs.total })],
    ],
    purpose: v.purpose,
    prepared: t("reports.pdf.prepared", { date: `${formatInstant(now, o.viewerZone, lang)} (UTC${zoneOffset(now, o.viewerZone)}, ${o.viewerZone})`, who: o.preparedBy }),
  };

  const { days, unscheduled } = agendaDays(v.programme);
  const row = (i: (typeof v.programme)[number], day: string): ProgrammeRow => ({
    day,
    placeTime: i.startsAt ? timeSpan(i.startsAt, i.endsAt, i.timeZone, lang) : b("notScheduled", { zone: i.timeZone }),
    homeTime: i.startsAt ? homeSpan(i.startsAt, i.endsAt, i.timeZone, homeZone, lang) : null,
    kind: t(`visits.kind.${i.kind}`),
    title: i.title,
    place: i.place,
    attendees: i.attendeeIds.map((id) => name(id) ?? "").filter(Boolean).join(", "),
    notes: i.notes,
    meeting: i.meetingId ? b("heldAsMeeting") : null,
  });
  const programme: BookModel["programme"] = {
    homeZone,
    days: days.map((day, n) => {
      const label = b("day", { n: n + 1, date: formatDate(day.date, lang) });
      return { label, rows: day.items.map((i) => row(i, label)) };
    }),
    unscheduled: unscheduled.map((i) => row(i, b("unscheduled"))),
  };

  const delegation = v.members.map((m) => ({
    name: m.person.nameEn,
    local: m.person.nameLocal,
    role: t(`visits.role.${m.role}`),
    title: m.titleAtTime ?? m.person.title,
    side: t(`enums.personSide.${m.person.side}`),
  }));

  const counterparts = d.counterpartIds.map((id) => {
    const p = people.get(id)!;
    const partner = p.partnerId ? partnerById.get(p.partnerId) : undefined;
    return {
      name: p.nameEn,
      local: p.nameLocal,
      title: member.get(id)?.titleAtTime ?? p.title,
      organisation: p.organisation,
      partner: partner ? partnerName(partner) : null,
      meetings: (d.pastMeetings.get(id) ?? []).map((m) => ({ date: formatDate(utcToZonedParts(m.startsAt, m.timeZone).date, lang), title: m.title, titleAtTime: m.titleAtTime })),
    };
  });

  const history = d.partners.map((p) => ({
    partner: names(p),
    since: p.sinceDate ? formatPrecisionDate(p.sinceDate, (p.sincePrecision ?? "day") as DatePrecision, lang) : t("reports.pdf.sinceUnknown"),
    level: t(`enums.level.${p.level}`),
    milestones: d.milestones
      .filter((m) => m.partnerId === p.id)
      .map((m) => ({
        date: formatPrecisionDate(m.date, m.datePrecision as DatePrecision, lang),
        kind: t(`enums.milestoneKind.${m.kind}`),
        title: m.title,
        expires: m.expiresOn ? formatDate(m.expiresOn, lang) : null,
        notes: m.notes,
      })),
  }));

  const commitment = (a: VisitBriefingData["commitments"]["ours"]["rows"][number], side: "ours" | "theirs"): CommitmentRow => {
    const partner = partnerById.get(a.partnerId);
    return {
      side: t(`enums.actionSide.${side}`),
      partner: partner ? partnerName(partner) : "",
      title: a.title,
      owner: a.ownerUser ?? (a.ownerPerson ? (a.ownerPersonLocal ? `${a.ownerPerson} (${a.ownerPersonLocal})` : a.ownerPerson) : t("reports.pdf.noOwner")),
      due: a.dueOn ? formatDate(a.dueOn, lang) : t("reports.pdf.noDue"),
      overdue: a.dueOn !== null && a.dueOn < today,
      status: t(`enums.actionStatus.${a.status}`),
    };
  };
  const c = d.commitments;
  const commitments = {
    ours: c.ours.rows.map((a) => commitment(a, "ours")),
    theirs: c.theirs.rows.map((a) => commitment(a, "theirs")),
    oursMore: c.ours.total - c.ours.rows.length,
    theirsMore: c.theirs.total - c.theirs.rows.length,
  };

  const giftsBefore = d.giftsBefore.map((g) => ({
    date: formatDate(utcToZonedParts(g.meetingAt, g.meetingZone).date, lang),
    direction: t(`enums.giftDirection.${g.direction}`),
    item: g.item,
    from: name(g.fromPersonId),
    to: name(g.toPersonId),
    meeting: g.meetingTitle,
    description: g.description,
  }));
  const plannedGifts = v.gifts.map((g) => ({
    item: g.item,
    description: g.description,
    to: name(g.toPersonId),
    inRegister: g.giftId !== null,
    warnings: (d.giftWarnings.get(g.id) ?? []).map((w) =>
      t("visits.detail.repeatWarning", { item: w.item, meeting: w.meetingTitle, date: formatDate(utcToZonedParts(w.startsAt, w.timeZone).date, lang) }),
    ),
  }));

  const logistics: BookModel["logistics"] = {
    legs: v.legs.map((l) => ({
      traveller: l.personId ? (name(l.personId) ?? "") : t("visits.detail.everyone"),
      carrier: [t(`visits.mode.${l.mode}`), l.number].filter(Boolean).join(" "),
      from: l.fromPlace,
      departs: l.departsAt ? timeSpan(l.departsAt, null, l.fromTimeZone, lang) : null,
      departsHome: l.departsAt ? homeSpan(l.departsAt, null, l.fromTimeZone, homeZone, lang) : null,
      to: l.toPlace,
      arrives: l.arrivesAt ? timeSpan(l.arrivesAt, null, l.toTimeZone, lang) : null,
      arrivesHome: l.arrivesAt ? homeSpan(l.arrivesAt, null, l.toTimeZone, homeZone, lang) : null,
    })),
    facts: [
      [t("visits.detail.hotel"), v.hotel ?? notGiven],
      [t("visits.detail.languages"), v.interpreterLanguages ?? notGiven],
      [t("visits.detail.dietary"), v.dietaryNeeds ?? notGiven],
      [t("visits.detail.access"), v.accessNeeds ?? notGiven],
    ],
  };

  const withDue = (point: string, dueOn: string | null) => (dueOn ? b("pointDue", { point, due: formatDate(dueOn, lang) }) : point);
  // The visit has no talking-points field: these are the record's own words, labelled as such; the
  // soonest few commitments of each side, the rest being listed under the open commitments.
  const points = {
    lead: b("pointsLead"),
    items: [
      ...(v.purpose ? [b("pointPurpose", { text: v.purpose })] : []),
      ...c.ours.rows.slice(0, POINTS_PER_SIDE).map((a) => withDue(b("pointOurs", { title: a.title }), a.dueOn)),
      ...c.theirs.rows.slice(0, POINTS_PER_SIDE).map((a) => withDue(b("pointTheirs", { title: a.title }), a.dueOn)),
    ],
  };

  return {
    lang,
    country: d.partners[0]?.country ?? "",
    cover,
    programme,
    delegation,
    counterparts,
    history,
    commitments,
    giftsBefore,
    giftsBeforeMore: d.moreGifts,
    plannedGifts,
    logistics,
    points,
  };
}
