import type { GiftDirection, GiftDisposition } from "@/lib/domain";
import { GIFT_DECLARATION_THRESHOLD } from "@/lib/domain";

// The meeting form's state: strings as typed, rows with stable keys so that gifts and actions
// can point at a participant added in the same form even as rows come and go.

export interface NewPersonValues {
  nameEn: string;
  nameLocal: string;
  title: string;
  organisation: string;
  side: "home" | "partner";
}
export interface ParticipantRow {
  key: string;
  mode: "existing" | "new";
  personId: string;
  newPerson: NewPersonValues;
  role: string;
  titleAtTime: string;
}
/** A person reference: "" (none), "row:<participant key>" or "id:<person id>". */
export type PersonRef = string;
export interface GiftRow {
  key: string;
  id?: number;
  direction: GiftDirection;
  item: string;
  description: string;
  origin: string;
  from: PersonRef;
  to: PersonRef;
  estimatedValue: string;
  currency: string;
  toBeValued: boolean;
  declaredOn: string;
  disposition: GiftDisposition | "";
}
export interface ActionRow {
  key: string;
  title: string;
  side: "ours" | "theirs";
  owner: PersonRef;
  dueOn: string;
  priority: string;
}
export interface MeetingFields {
  partnerId: string;
  title: string;
  kind: string;
  status: string;
  date: string;
  time: string;
  timeZone: string;
  durationMinutes: string;
  venue: string;
  city: string;
  attendeeCount: string;
  topics: string;
  summary: string;
  outcomes: string;
  notes: string;
}
export interface MeetingFormValues extends MeetingFields {
  participants: ParticipantRow[];
  gifts: GiftRow[];
  actions: ActionRow[];
}

export const MEETING_FIELD_NAMES = [
  "partnerId",
  "title",
  "kind",
  "status",
  "date",
  "time",
  "timeZone",
  "durationMinutes",
  "venue",
  "city",
  "attendeeCount",
  "topics",
  "summary",
  "outcomes",
  "notes",
] as const satisfies readonly (keyof MeetingFields)[];

let seq = 0;
export const rowKey = () => `r${Date.now().toString(36)}${(seq++).toString(36)}`;

export const emptyParticipant = (side: "home" | "partner" = "partner"): ParticipantRow => ({
  key: rowKey(),
  mode: "existing",
  personId: "",
  newPerson: { nameEn: "", nameLocal: "", title: "", organisation: "", side },
  role: "attendee",
  titleAtTime: "",
});
export const emptyGift = (): GiftRow => ({
  key: rowKey(),
  direction: "given",
  item: "",
  description: "",
  origin: "",
  from: "",
  to: "",
  estimatedValue: "",
  currency: "KRW",
  toBeValued: false,
  declaredOn: "",
  disposition: "",
});
export const emptyAction = (): ActionRow => ({ key: rowKey(), title: "", side: "ours", owner: "", dueOn: "", priority: "normal" });

function refToPayload(ref: PersonRef, rows: ParticipantRow[], idKey: string, indexKey: string): Record<string, number> {
  if (ref.startsWith("id:")) return { [idKey]: Number(ref.slice(3)) };
  if (ref.startsWith("row:")) {
    const i = rows.findIndex((r) => r.key === ref.slice(4));
    return i >= 0 ? { [indexKey]: i } : {};
  }
  return {};
}

// Rows left as the form offers them (the two empty participant rows it starts with, a gift or
// follow-up added and never filled in) are not sent: they are not mistakes to be reported.
const blank = (...xs: string[]) => xs.every((x) => x.trim() === "");
export const isBlankParticipant = (p: ParticipantRow) =>
  blank(p.titleAtTime) && (p.mode === "existing" ? blank(p.personId) : blank(p.newPerson.nameEn, p.newPerson.nameLocal, p.newPerson.title, p.newPerson.organisation));
export const isBlankGift = (g: GiftRow) =>
  blank(g.item, g.description, g.origin, g.from, g.to, g.estimatedValue, g.declaredOn, g.disposition) && !g.toBeValued;
export const isBlankAction = (a: ActionRow) => blank(a.title, a.owner, a.dueOn);

/** For each list, the form's row index of each row the payload sends. */
export function sentRows(v: MeetingFormValues) {
  const idx = <R>(rows: R[], isBlank: (r: R) => boolean) => rows.flatMap((r, i) => (isBlank(r) ? [] : [i]));
  return { participants: idx(v.participants, isBlankParticipant), gifts: idx(v.gifts, isBlankGift), actions: idx(v.actions, isBlankAction) };
}

/** A payload error path ("gifts.0.item") as the form's own row ("gifts.2.item"). */
export function formPath(path: string, v: MeetingFormValues): string {
  const m = /^(participants|gifts|actions)\.(\d+)(\..*)?$/.exec(path);
  if (!m) return path;
  const list = m[1] as keyof ReturnType<typeof sentRows>;
  const i = sentRows(v)[list][Number(m[2])];
  return i === undefined ? path : `${list}.${i}${m[3] ?? ""}`;
}

/** The form's values as the shared zod schema's input (the same shape the API accepts). */
export function toPayload(v: MeetingFormValues, version?: number): Record<string, unknown> {
  const { participants: allParticipants, gifts, actions, ...fields } = v;
  const participants = allParticipants.filter((p) => !isBlankParticipant(p));
  return {
    ...fields,
    ...(version !== undefined ? { version } : {}),
    participants: participants.map((p) =>
      p.mode === "existing"
        ? { personId: p.personId, role: p.role, titleAtTime: p.titleAtTime }
        : { newPerson: p.newPerson, role: p.role, titleAtTime: p.titleAtTime },
    ),
    gifts: gifts
      .filter((g) => !isBlankGift(g))
      .map((g) => ({
        ...(g.id !== undefined ? { id: g.id } : {}),
        direction: g.direction,
        item: g.item,
        description: g.description,
        origin: g.origin,
        ...refToPayload(g.from, participants, "fromPersonId", "fromParticipantIndex"),
        ...refToPayload(g.to, participants, "toPersonId", "toParticipantIndex"),
        estimatedValue: g.toBeValued ? "" : g.estimatedValue,
        currency: g.toBeValued ? "" : g.currency,
        declaredOn: g.declaredOn,
        disposition: g.disposition,
      })),
    actions: actions
      .filter((a) => !isBlankAction(a))
      .map((a) => ({
        title: a.title,
        side: a.side,
        ...refToPayload(a.owner, participants, "ownerPersonId", "ownerParticipantIndex"),
        dueOn: a.dueOn,
        priority: a.priority,
      })),
  };
}

/** True when a received gift's stated value reaches the declaration threshold. */
export function reachesDeclarationThreshold(g: Pick<GiftRow, "direction" | "estimatedValue" | "currency" | "toBeValued">): boolean {
  if (g.direction !== "received" || g.toBeValued) return false;
  const cur = g.currency.trim().toUpperCase() as keyof typeof GIFT_DECLARATION_THRESHOLD;
  const limit = GIFT_DECLARATION_THRESHOLD[cur];
  const value = Number(g.estimatedValue);
  return limit !== undefined && g.estimatedValue.trim() !== "" && Number.isFinite(value) && value >= limit;
}
