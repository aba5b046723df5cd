// Import of partners, people and meetings from CSV or Excel files. Each row is read the way
// spreadsheets write it (lib/import), validated with the same zod schema as the forms and the API,
// and the whole file is committed in one transaction or not at all. A row with an ID updates that
// record (only the columns in the file); without one, or when asked, it creates a new record.
import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../audit";
import { diff, writeAudit } from "../audit";
import type { Db, Tx } from "../client";
import { meeting, partner, person } from "../schema";
import { IMPORT_COLUMNS, IMPORT_KINDS, type ImportKind } from "@/lib/import/columns";
import type { EncodingChoice } from "@/lib/import/decode";
import { columnOf, knownHeaders } from "@/lib/import/labels";
import { readTable } from "@/lib/import/read";
import { offsetProblem, readRow, type PartnerIndex, type RowProblem } from "@/lib/import/rows";
import { normalLabel } from "@/lib/import/values";
import { utcToZonedParts } from "@/lib/format";
import { messageKey } from "@/lib/validation/message-key";
import { createMeetingSchema } from "@/lib/validation/meetings";
import { createPartnerSchema } from "@/lib/validation/partners";
import { createPersonSchema } from "@/lib/validation/people";
import { reindexAround } from "../search";
import { indexMeeting, insertMeeting } from "./meetings";
import { indexPartner, insertPartner } from "./partners";
import { indexPerson, insertPerson } from "./people";
import { inTransaction, one } from "../tx";
import type { FileProblem, ImportMode, ImportPreview, RowAction } from "@/lib/types/import";

export { IMPORT_KINDS, type ImportKind, type RowProblem };

/** Kept under the server-action body limit (1 MB) with room for the request's own overhead. */
export const MAX_IMPORT_BYTES = 512 * 1024;
export const MAX_IMPORT_ROWS = 2000;




export interface ImportRequest {
  kind: ImportKind;
  bytes: Uint8Array;
  encoding?: EncodingChoice;
  mode?: ImportMode;
}

export type ImportCheck = { ok: true; preview: ImportPreview } | { ok: false; file: FileProblem };

/** Schema field → the column a problem is shown in. */
const FIELD_COLUMN: Record<string, string> = { partnerId: "partner", sinceDate: "since", sincePrecision: "since" };

const SCHEMAS = { partners: createPartnerSchema, people: createPersonSchema, meetings: createMeetingSchema } as const;

/** When code pages read a file equally well: what Korean Excel writes, the office's usual source. */
const TIE_BREAK = "cp949";

type Valid = { row: number; id?: number; action: RowAction; data: Record<string, unknown>; before?: Record<string, unknown> };

async function partnerIndex(db: Tx): Promise<PartnerIndex> {
  const idx: PartnerIndex = new Map();
  for (const p of (await db.select({ id: partner.id, slug: partner.slug, en: partner.nameEn, ko: partner.nameKo, local: partner.nameLocal }).from(partner)))
    for (const name of new Set([p.slug, p.en, p.ko, p.local].filter((n): n is string => !!n).map(normalLabel))) {
      const s = idx.get(name) ?? new Set<number>();
      s.add(p.id);
      idx.set(name, s);
    }
  return idx;
}

/** A stored record as the schema's input, so that an update changes only the file's columns. */
function asInput(kind: ImportKind, r: Record<string, unknown>): Record<string, unknown> {
  const { id: _i, version: _v, createdAt: _c, updatedAt: _u, archivedAt: _a, ...rest } = r;
  if (kind === "partners") {
    const { sinceDate, sincePrecision, ...p } = rest;
    const since = typeof sinceDate === "string" ? (sincePrecision === "year" ? sinceDate.slice(0, 4) : sincePrecision === "month" ? sinceDate.slice(0, 7) : sinceDate) : undefined;
    return { ...p, since };
  }
  if (kind === "meetings") {
    const { startsAt, ...m } = rest;
    const parts = utcToZonedParts(startsAt as Date, m.timeZone as string);
    return { ...m, date: parts.date, time: parts.time };
  }
  return rest;
}

function table(kind: ImportKind) {
  return kind === "partners" ? partner : kind === "people" ? person : meeting;
}

/** The stored columns an import writes; others (archive state, owners, links) are left alone. */
const STORED: Record<ImportKind, string[]> = {
  partners: ["slug", "nameEn", "nameKo", "nameLocal", "country", "kind", "level", "status", "sinceDate", "sincePrecision", "timeZone", "summary", "latitude", "longitude"],
  people: ["nameEn", "nameLocal", "title", "organisation", "side", "partnerId", "email", "phone", "notes"],
  meetings: ["partnerId", "title", "kind", "status", "startsAt", "timeZone", "durationMinutes", "venue", "city", "attendeeCount", "topics", "summary", "outcomes", "notes"],
};

/** The schema's output as stored columns: an emptied cell (undefined) is stored as null. */
function storedFields(kind: ImportKind, data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(STORED[kind].map((k) => [k, data[k] ?? null]));
}

function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v instanceof Date ? v.getTime() : (v ?? null));
  return norm(a) === norm(b);
}

async function check(db: Db, req: ImportRequest): Promise<{ ok: false; file: FileProblem } | { ok: true; preview: ImportPreview; valid: Valid[] }> {
  const { kind } = req;
  if (req.bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, file: { key: "tooBig", values: { mb: (MAX_IMPORT_BYTES / 1024 / 1024).toFixed(1) } } };
  const read = await readTable(req.bytes, { encoding: req.encoding, headers: knownHeaders(), prefer: TIE_BREAK });
  if (!read.ok) return { ok: false, file: read.problem };
  const t = read.table;
  const header = t.header.map((h) => h.trim());
  const keys = header.map((h) => (h ? columnOf(kind, h) : undefined));
  const unknown = header.filter((h, i) => h && !keys[i]);
  if (unknown.length) return { ok: false, file: { key: "unknownColumns", values: { columns: unknown.join(", ") } } };
  const present = keys.filter((k): k is string => !!k);
  const dupes = present.filter((k, i) => present.indexOf(k) !== i);
  if (dupes.length) return { ok: false, file: { key: "duplicateColumns", values: { columns: header.filter((_, i) => dupes.includes(keys[i]!)).join(", ") } } };
  const mode = req.mode ?? "update";
  const updating = mode === "update" && present.includes("id");
  const spec = IMPORT_COLUMNS[kind];
  // An update may name only the columns it changes; new records need every required one.
  const missing = updating ? [] : spec.filter((c) => c.required && !present.includes(c.key)).map((c) => c.key);
  if (kind === "meetings" && !updating && !present.includes("start") && !(present.includes("date") && present.includes("time"))) missing.push("start");
  if (missing.length) return { ok: false, file: { key: "missingColumns", values: { columns: missing } } };
  if (t.rows.length === 0) return { ok: false, file: { key: "empty" } };
  if (t.rows.length > MAX_IMPORT_ROWS) return { ok: false, file: { key: "tooManyRows", values: { rows: MAX_IMPORT_ROWS } } };

  const partners = await partnerIndex(db);
  const ids = updating ? [...new Set(t.rows.map((r) => Number(r.cells[keys.indexOf("id")]?.trim())).filter((n) => Number.isInteger(n) && n > 0))] : [];
  const existing = new Map<number, Record<string, unknown>>();
  const tbl = table(kind);
  for (let i = 0; i < ids.length; i += 500)
    for (const r of (await db.select().from(tbl).where(inArray(tbl.id, ids.slice(i, i + 500)))) as Record<string, unknown>[]) existing.set(r.id as number, r);
  const slugOwner = new Map(kind === "partners" ? (await db.select({ id: partner.id, slug: partner.slug }).from(partner)).map((p) => [p.slug, p.id]) : []);

  const problems: RowProblem[] = [];
  const valid: Valid[] = [];
  const rows: ImportPreview["rows"] = [];
  const seenIds = new Map<number, number>();
  const seenSlugs = new Map<string, number>();
  for (const { row, cells } of t.rows) {
    const values: Record<string, string> = {};
    keys.forEach((k, i) => k && (values[k] = cells[i] ?? ""));
    const entry = { row, values, action: "create" as RowAction };
    rows.push(entry);
    const extra = cells.slice(header.length).some((c) => c.trim() !== "");
    if (cells.length < header.length || extra) {
      problems.push({ row, column: "_", key: "import.problem.columnCount", values: { found: cells.length, expected: header.length } });
      continue;
    }
    const r = readRow(row, values, spec, { partners, decimalComma: t.delimiter === ";", unquote: t.format === "csv" });
    const rowProblems = r.problems;
    const id = updating ? r.id : undefined;
    const before = id !== undefined ? existing.get(id) : undefined;
    if (id !== undefined && !before) rowProblems.push({ row, column: "id", key: "import.problem.noSuchId", values: { id } });
    if (id !== undefined && seenIds.has(id)) rowProblems.push({ row, column: "id", key: "import.problem.sameId", values: { other: seenIds.get(id)! } });
    if (id !== undefined) seenIds.set(id, row);
    // The start column carries date and time together; a stored since keeps its precision unless the file gives one.
    const base = before ? asInput(kind, before) : {};
    const input = { ...base, ...r.input };
    if (kind === "partners" && "since" in r.input) delete input.sincePrecision;
    if (kind === "partners") {
      const slug = typeof input.slug === "string" ? input.slug.trim() : "";
      const owner = slugOwner.get(slug);
      if (slug && owner !== undefined && owner !== id) rowProblems.push({ row, column: "slug", error: messageKey("slugTaken") });
      else if (slug && seenSlugs.has(slug)) rowProblems.push({ row, column: "slug", key: "import.problem.sameSlug", values: { other: seenSlugs.get(slug)! } });
      if (slug) seenSlugs.set(slug, row);
    }
    const off = kind === "meetings" ? offsetProblem(row, input, r.offset) : null;
    if (off) rowProblems.push(off);
    const parsed = SCHEMAS[kind].safeParse(input);
    if (!parsed.success) {
      const startCol = present.includes("start") ? "start" : null;
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "_");
        const column = FIELD_COLUMN[field] ?? (startCol && (field === "date" || field === "time") ? startCol : field);
        if (!rowProblems.some((p) => p.column === column)) rowProblems.push({ row, column, error: issue.message });
      }
    }
    problems.push(...rowProblems);
    if (!parsed.success || rowProblems.length) continue;
    const data = storedFields(kind, parsed.data);
    if (before) {
      entry.action = Object.keys(data).every((k) => same(data[k], before[k])) ? "unchanged" : "update";
      valid.push({ row, id, action: entry.action, data, before });
    } else valid.push({ row, action: "create", data: parsed.data });
  }
  return { ok: true, valid, preview: { kind, format: t.format, encoding: t.encoding, guessed: t.guessed, columns: present, rows, problems } };
}

/** Reads and checks a file without saving anything. */
export async function previewImport(db: Db, req: ImportRequest): Promise<ImportCheck> {
  const r = await check(db, req);
  return r.ok ? { ok: true, preview: r.preview } : r;
}

async function updateRecord(tx: Tx, actor: Actor, kind: ImportKind, v: Valid) {
  const tbl = table(kind);
  const changes = Object.fromEntries(Object.entries(v.data).filter(([k, x]) => !same(x, v.before![k])));
  const row = await one(tx
    .update(tbl)
    .set({ ...changes, version: (v.before!.version as number) + 1, updatedAt: new Date() })
    .where(eq(tbl.id, v.id!))
    .returning() as unknown as Promise<Record<string, unknown>[]>);
  if (kind === "partners") await indexPartner(tx, row as never);
  else if (kind === "people") await indexPerson(tx, row as never);
  else await indexMeeting(tx, row.id as number);
  // Meetings, follow-ups and gifts are found by their partner's and people's names too.
  if (kind !== "meetings" && ["nameEn", "nameKo", "nameLocal"].some((k) => k in changes))
    await reindexAround(tx, kind === "partners" ? { partnerId: v.id! } : { personId: v.id! });
  const recordType = kind === "partners" ? "partner" : kind === "people" ? "person" : "meeting";
  await writeAudit(tx, actor, { event: "update", recordType, recordId: v.id!, ...diff(v.before!, row) });
}

export type ImportResult = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; file?: FileProblem; problems?: RowProblem[] };

/**
 * Saves every row of the file in one transaction. Any problem, found before or while writing,
 * rolls everything back and is reported with its row and column.
 */
export async function commitImport(db: Db, actor: Actor, req: ImportRequest): Promise<ImportResult> {
  const r = await check(db, req);
  if (!r.ok) return { ok: false, file: r.file };
  if (r.preview.problems.length) return { ok: false, problems: r.preview.problems };
  const n = { created: 0, updated: 0, unchanged: 0 };
  await inTransaction(db, async (tx) => {
    for (const v of r.valid) {
      n[v.action === "create" ? "created" : v.action === "update" ? "updated" : "unchanged"]++;
      if (v.action === "unchanged") continue;
      if (v.action === "update") await updateRecord(tx, actor, req.kind, v);
      else if (req.kind === "partners") await insertPartner(tx, actor, v.data as z.output<typeof createPartnerSchema>);
      else if (req.kind === "people") await insertPerson(tx, actor, v.data as z.output<typeof createPersonSchema>);
      else await insertMeeting(tx, actor, v.data as z.output<typeof createMeetingSchema>);
    }
  });
  return { ok: true, ...n };
}
