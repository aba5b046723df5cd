import { utcToZonedParts } from "@/lib/format";
import { type VisitDetail } from "@/lib/types/visits";

// The visit form's values: strings as the controls hold them, rows keyed for React. toPayload
// turns them into what createVisitSchema reads (the same schema the server action applies).

let seq = 0;
export const rowKey = () => `r${++seq}`;

export interface MemberRow { key: string; id?: number; personId: string; role: string; titleAtTime: string }
export interface ItemRow {
  key: string;
  id?: number;
  kind: string;
  title: string;
  timeZone: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  place: string;
  notes: string;
  attendeeIds: string[];
}
export interface LegRow {
  key: string;
  id?: number;
  personId: string;
  mode: string;
  number: string;
  fromPlace: string;
  fromTimeZone: string;
  departDate: string;
  departTime: string;
  toPlace: string;
  toTimeZone: string;
  arriveDate: string;
  arriveTime: string;
}
export interface GiftRow { key: string; id?: number; item: string; description: string; toPersonId: string; giftId?: number }
export interface CheckRow { key: string; id?: number; title: string; side: string; dueOn: string; done: boolean }

export interface VisitFormValues {
  direction: string;
  title: string;
  purpose: string;
  status: string;
  startsOn: string;
  endsOn: string;
  datePrecision: string;
  partnerIds: string[];
  hotel: string;
  interpreterLanguages: string;
  dietaryNeeds: string;
  accessNeeds: string;
  budgetAmount: string;
  budgetCurrency: string;
  members: MemberRow[];
  programme: ItemRow[];
  legs: LegRow[];
  gifts: GiftRow[];
  checklist: CheckRow[];
}

export const emptyMember = (): MemberRow => ({ key: rowKey(), personId: "", role: "member", titleAtTime: "" });
export const emptyItem = (timeZone: string): ItemRow => ({
  key: rowKey(),
  kind: "meeting",
  title: "",
  timeZone,
  startDate: "",
  startTime: "",
  endDate: "",
  endTime: "",
  place: "",
  notes: "",
  attendeeIds: [],
});
export const emptyLeg = (toTimeZone: string): LegRow => ({
  key: rowKey(),
  personId: "",
  mode: "flight",
  number: "",
  fromPlace: "",
  fromTimeZone: "",
  departDate: "",
  departTime: "",
  toPlace: "",
  toTimeZone,
  arriveDate: "",
  arriveTime: "",
});
export const emptyGift = (): GiftRow => ({ key: rowKey(), item: "", description: "", toPersonId: "" });
export const emptyCheck = (): CheckRow => ({ key: rowKey(), title: "", side: "ours", dueOn: "", done: false });

export function blankVisit(partnerId: string): VisitFormValues {
  return {
    direction: "incoming",
    title: "",
    purpose: "",
    status: "planned",
    startsOn: "",
    endsOn: "",
    datePrecision: "day",
    partnerIds: [partnerId],
    hotel: "",
    interpreterLanguages: "",
    dietaryNeeds: "",
    accessNeeds: "",
    budgetAmount: "",
    budgetCurrency: "",
    members: [],
    programme: [],
    legs: [],
    gifts: [],
    checklist: [],
  };
}

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));
const parts = (at: Date | null, zone: string) => (at ? utcToZonedParts(at, zone) : { date: "", time: "" });

/** A period's first day back as the precision's own form: 2019-11-01 at month precision is "2019-11". */
const partial = (iso: string | null, precision: string) => (!iso ? "" : precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : iso);

/** A stored visit as the form's values: each time back on its own zone's wall clock. */
export function valuesFromVisit(v: VisitDetail): VisitFormValues {
  return {
    direction: v.direction,
    title: v.title,
    purpose: s(v.purpose),
    status: v.status,
    startsOn: partial(v.startsOn, v.datePrecision),
    endsOn: partial(v.endsOn, v.datePrecision),
    datePrecision: v.datePrecision,
    partnerIds: v.partnerIds.map(String),
    hotel: s(v.hotel),
    interpreterLanguages: s(v.interpreterLanguages),
    dietaryNeeds: s(v.dietaryNeeds),
    accessNeeds: s(v.accessNeeds),
    budgetAmount: s(v.budgetAmount),
    budgetCurrency: s(v.budgetCurrency),
    members: v.members.map((m) => ({ key: rowKey(), id: m.id, personId: String(m.personId), role: m.role, titleAtTime: s(m.titleAtTime) })),
    programme: v.programme.map((p) => {
      const a = parts(p.startsAt, p.timeZone);
      const b = parts(p.endsAt, p.timeZone);
      return {
        key: rowKey(),
        id: p.id,
        kind: p.kind,
        title: p.title,
        timeZone: p.timeZone,
        startDate: a.date,
        startTime: a.time,
        endDate: b.date === a.date ? "" : b.date,
        endTime: b.time,
        place: s(p.place),
        notes: s(p.notes),
        attendeeIds: p.attendeeIds.map(String),
      };
    }),
    legs: v.legs.map((l) => {
      const d = parts(l.departsAt, l.fromTimeZone);
      const a = parts(l.arrivesAt, l.toTimeZone);
      return {
        key: rowKey(),
        id: l.id,
        personId: s(l.personId),
        mode: l.mode,
        number: s(l.number),
        fromPlace: l.fromPlace,
        fromTimeZone: l.fromTimeZone,
        departDate: d.date,
        departTime: d.time,
        toPlace: l.toPlace,
        toTimeZone: l.toTimeZone,
        arriveDate: a.date,
        arriveTime: a.time,
      };
    }),
    gifts: v.gifts.map((g) => ({ key: rowKey(), id: g.id, item: g.item, description: s(g.description), toPersonId: s(g.toPersonId), giftId: g.giftId ?? undefined })),
    checklist: v.checklist.map((c) => ({ key: rowKey(), id: c.id, title: c.title, side: c.side, dueOn: s(c.dueOn), done: c.done })),
  };
}

/** What the schema reads. Row keys stay behind; empty strings mean "not given". */
export function toPayload(v: VisitFormValues, version?: number) {
  const strip = <T extends { key: string }>(r: T) => {
    const { key: _k, ...rest } = r;
    return rest;
  };
  return {
    ...v,
    ...(version === undefined ? {} : { version }),
    partnerIds: v.partnerIds.filter(Boolean),
    members: v.members.map(strip),
    programme: v.programme.map(strip),
    legs: v.legs.map(strip),
    gifts: v.gifts.map(strip),
    checklist: v.checklist.map(strip),
  };
}
