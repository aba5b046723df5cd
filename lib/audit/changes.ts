// What an audit event changed, in words a reader understands: fields by their labels, lists
// (participants, gifts, follow-ups) as items added, removed or changed, internal fields left out.
// Pure: the screens, the record history and the audit export all describe events through here.
import { formatDate, formatInstant, type Locale } from "@/lib/format";

/** Bookkeeping a reader has no use for: ids, board positions, renumbering, versions, timestamps. */
const HIDDEN = new Set(["id", "position", "renumbered", "version", "createdAt", "updatedAt", "tokenHash", "password", "commentId"]);

/** Field → its enum in messages' `enums`, so values read as words ("Held", not "held"). */
const ENUMS: Record<string, string> = {
  kind: "meetingKind",
  status: "actionStatus",
  priority: "priority",
  side: "actionSide",
  direction: "giftDirection",
  disposition: "disposition",
  level: "level",
  role: "role",
};
/** Record types whose `status` and `kind` come from another vocabulary than an action's. */
const ENUM_BY_TYPE: Record<string, Record<string, string>> = {
  meeting: { status: "meetingStatus", kind: "meetingKind" },
  partner: { status: "partnerStatus", kind: "partnerKind" },
  milestone: { kind: "milestoneKind" },
  person: { side: "personSide" },
  participant: { role: "participantRole" },
};
const INSTANTS = new Set(["startsAt", "completedAt", "archivedAt", "declaredAt", "lastUsedAt", "revokedAt", "at", "last"]);
/** Reasons the system writes in English (db/queries/users.ts), as message keys. */
const REASONS: Record<string, string> = { "creator deactivated": "creatorDeactivated" };
const DATES = new Set(["dueOn", "declaredOn", "sinceDate", "date", "expiresOn"]);

/** A translator as next-intl gives it (server or createTranslator), loosened to plain keys. */
export interface Words {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export type Item = Record<string, unknown>;
export type Change =
  | { kind: "field"; field: string; label: string; before: string; after: string }
  | { kind: "items"; field: string; label: string; added: string[]; removed: string[]; changed: { before: string; after: string }[] };

/** Names of people by id, for history written before participants were stored by name. */
export type PeopleNames = ReadonlyMap<number, string>;

const plain = (v: unknown): string => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

/** Whether two values are the same, lists compared without regard to order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const key = (x: unknown) => JSON.stringify(x ?? null);
    const xs = a.map(key).sort();
    const ys = b.map(key).sort();
    return xs.every((x, i) => x === ys[i]);
  }
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * One list item as a record: participants were once stored as [personId, role, title] tuples,
 * now as { person, role, title } with the name; gifts and follow-ups as records.
 */
function asItem(field: string, v: unknown, people: PeopleNames): Item {
  if (Array.isArray(v) && field === "participants") {
    const [personId, role, title] = v as [number, string, string | null];
    return { personId, person: people.get(personId) ?? `#${personId}`, role, title };
  }
  if (v && typeof v === "object") return v as Item;
  return { value: v };
}

/** What makes an item the same item before and after: the person, the gift, the follow-up. */
function identity(i: Item): string {
  return plain(i.personId ?? i.person ?? i.item ?? i.title ?? i.value ?? i);
}

export class AuditDescriber {
  constructor(
    private readonly t: Words,
    private readonly locale: Locale,
    private readonly zone: string,
    private readonly people: PeopleNames = new Map(),
  ) {}

  label(field: string): string {
    if (this.t.has(`audit.fieldNames.${field}`)) return this.t(`audit.fieldNames.${field}`);
    return field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  }

  value(recordType: string, field: string, v: unknown): string {
    if (v === null || v === undefined || v === "") return "—";
    if (typeof v === "boolean") return this.t(v ? "audit.yes" : "audit.no");
    const vocabulary = ENUM_BY_TYPE[recordType]?.[field] ?? ENUMS[field];
    if (vocabulary && typeof v === "string" && this.t.has(`enums.${vocabulary}.${v}`)) return this.t(`enums.${vocabulary}.${v}`);
    if (field === "reason" && typeof v === "string" && REASONS[v]) return this.t(`audit.reasons.${REASONS[v]}`);
    if (INSTANTS.has(field) && (typeof v === "string" || typeof v === "number")) {
      const d = new Date(v);
      if (!Number.isNaN(d.getTime())) return formatInstant(d, this.zone, this.locale);
    }
    if (DATES.has(field) && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, this.locale);
    const s = plain(v);
    return s.length > 200 ? `${s.slice(0, 200)}…` : s;
  }

  /** A participant, gift or follow-up in one line: "Tang Liangzhi (Lead, Mayor)". */
  item(field: string, i: Item): string {
    const parts: string[] = [];
    if (field === "participants") {
      if (i.role) parts.push(this.value("participant", "role", i.role));
      if (i.title) parts.push(plain(i.title));
      return parts.length ? `${plain(i.person)} (${parts.join(", ")})` : plain(i.person);
    }
    if (field === "gifts") {
      if (i.direction) parts.push(this.value("gift", "direction", i.direction));
      if (i.disposition) parts.push(this.value("gift", "disposition", i.disposition));
      return parts.length ? `${plain(i.item)} (${parts.join(", ")})` : plain(i.item);
    }
    return plain(i.title ?? i.item ?? i.value);
  }

  /** The changes of one event; a creation or deletion lists the record's values on its one side. */
  describe(recordType: string, before: Item | null, after: Item | null): Change[] {
    const b = before ?? {};
    const a = after ?? {};
    const out: Change[] = [];
    for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
      if (HIDDEN.has(field)) continue;
      const x = b[field];
      const y = a[field];
      if (before && after && sameValue(x, y)) continue;
      if (Array.isArray(x) || Array.isArray(y)) {
        const items = this.items(field, Array.isArray(x) ? x : [], Array.isArray(y) ? y : []);
        if (items.added.length || items.removed.length || items.changed.length) out.push({ kind: "items", field, label: this.label(field), ...items });
        continue;
      }
      out.push({ kind: "field", field, label: this.label(field), before: this.value(recordType, field, x), after: this.value(recordType, field, y) });
    }
    return out;
  }

  private items(field: string, xs: unknown[], ys: unknown[]) {
    const before = new Map(xs.map((v) => asItem(field, v, this.people)).map((i) => [identity(i), i]));
    const after = new Map(ys.map((v) => asItem(field, v, this.people)).map((i) => [identity(i), i]));
    const added: string[] = [];
    const removed: string[] = [];
    const changed: { before: string; after: string }[] = [];
    for (const [k, i] of after) {
      const was = before.get(k);
      if (!was) added.push(this.item(field, i));
      else {
        const [p, q] = [this.item(field, was), this.item(field, i)];
        if (p !== q) changed.push({ before: p, after: q });
      }
    }
    for (const [k, i] of before) if (!after.has(k)) removed.push(this.item(field, i));
    return { added, removed, changed };
  }

  /** The changes as one line of text, for the export. */
  text(recordType: string, before: Item | null, after: Item | null): string {
    return this.describe(recordType, before, after)
      .map((c) => {
        if (c.kind === "field") return before && after ? `${c.label}: ${c.before} → ${c.after}` : `${c.label}: ${before ? c.before : c.after}`;
        const parts = [
          ...c.added.map((s) => `+ ${s}`),
          ...c.removed.map((s) => `− ${s}`),
          ...c.changed.map((s) => `${s.before} → ${s.after}`),
        ];
        return `${c.label}: ${parts.join("; ")}`;
      })
      .join("\n");
  }
}

/** Person ids in old participant tuples, to look their names up once for a page of events. */
export function participantIds(events: { before: Item | null; after: Item | null }[]): number[] {
  const ids = new Set<number>();
  for (const e of events)
    for (const side of [e.before, e.after]) {
      const list = side?.participants;
      if (Array.isArray(list)) for (const p of list) if (Array.isArray(p) && typeof p[0] === "number") ids.add(p[0]);
    }
  return [...ids];
}
