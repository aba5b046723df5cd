// CSV import of partners, people and meetings: each row is validated with the same zod schema as
// the forms and the API, and the whole file is committed in one transaction or not at all.
import Papa from "papaparse";
import type { z } from "zod";
import type { Actor } from "../audit";
import type { Db } from "../client";
import { partner } from "../schema";
import { ValidationError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/common";
import { createMeetingSchema } from "@/lib/validation/meetings";
import { createPartnerSchema } from "@/lib/validation/partners";
import { createPersonSchema } from "@/lib/validation/people";
import { insertMeeting } from "./meetings";
import { insertPartner } from "./partners";
import { insertPerson } from "./people";

export const IMPORT_KINDS = ["partners", "people", "meetings"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Kept under the server-action body limit (1 MB) with room for the request's own overhead. */
export const MAX_IMPORT_BYTES = 512 * 1024;
export const MAX_IMPORT_ROWS = 2000;

/** The columns of each kind; required ones first. `partner` is a partner's short name (slug). */
export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[] }> = {
  partners: {
    required: ["slug", "nameEn", "nameKo", "country", "kind", "level", "status"],
    optional: ["nameLocal", "since", "timeZone", "summary", "latitude", "longitude"],
  },
  people: { required: ["nameEn", "side"], optional: ["nameLocal", "title", "organisation", "partner", "email", "phone", "notes"] },
  meetings: {
    required: ["partner", "title", "kind", "status", "date", "time", "timeZone"],
    optional: ["durationMinutes", "venue", "city", "attendeeCount", "topics", "summary", "outcomes", "notes"],
  },
};

export interface RowProblem {
  /** The line in the file: the header is row 1, the first record row 2. */
  row: number;
  field: string;
  message: string;
}

export type FileProblem =
  | { key: "tooBig"; values: { mb: string } }
  | { key: "tooManyRows"; values: { rows: number } }
  | { key: "empty"; values?: undefined }
  | { key: "unreadable"; values: { message: string } }
  | { key: "unknownColumns"; values: { columns: string } }
  | { key: "missingColumns"; values: { columns: string } };

export interface ImportPreview {
  kind: ImportKind;
  columns: string[];
  rows: { row: number; values: Record<string, string> }[];
  problems: RowProblem[];
}

export type ImportCheck = { ok: true; preview: ImportPreview } | { ok: false; file: FileProblem };

type Parsed = { row: number; input: Record<string, unknown> };

function readCsv(kind: ImportKind, text: string): { ok: false; file: FileProblem } | { ok: true; columns: string[]; records: Record<string, string>[] } {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return { ok: false, file: { key: "tooBig", values: { mb: (MAX_IMPORT_BYTES / 1024 / 1024).toFixed(1) } } };
  const r = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, delimiter: ",", skipEmptyLines: "greedy", transformHeader: (h) => h.trim() });
  const fatal = r.errors.find((e) => e.type === "Quotes");
  if (fatal) return { ok: false, file: { key: "unreadable", values: { message: `${fatal.message} (row ${(fatal.row ?? 0) + 2})` } } };
  const columns = r.meta.fields ?? [];
  const spec = IMPORT_COLUMNS[kind];
  const known = new Set([...spec.required, ...spec.optional]);
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length) return { ok: false, file: { key: "unknownColumns", values: { columns: unknown.join(", ") } } };
  const missing = spec.required.filter((c) => !columns.includes(c));
  if (missing.length) return { ok: false, file: { key: "missingColumns", values: { columns: missing.join(", ") } } };
  if (r.data.length === 0) return { ok: false, file: { key: "empty" } };
  if (r.data.length > MAX_IMPORT_ROWS) return { ok: false, file: { key: "tooManyRows", values: { rows: MAX_IMPORT_ROWS } } };
  return { ok: true, columns, records: r.data };
}

/** Schema field → CSV column, so problems name what the user sees in the file. */
const FIELD_TO_COLUMN: Record<string, string> = { partnerId: "partner", sinceDate: "since" };

function schemaFor(kind: ImportKind): z.ZodType {
  return kind === "partners" ? createPartnerSchema : kind === "people" ? createPersonSchema : createMeetingSchema;
}

function validate(db: Db, kind: ImportKind, records: Record<string, string>[]): { parsed: Parsed[]; problems: RowProblem[]; valid: unknown[] } {
  const slugs = new Map(db.select({ id: partner.id, slug: partner.slug }).from(partner).all().map((p) => [p.slug, p.id]));
  const problems: RowProblem[] = [];
  const parsed: Parsed[] = [];
  const valid: unknown[] = [];
  const seenSlugs = new Map<string, number>();
  records.forEach((rec, i) => {
    const row = i + 2;
    const input: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) if (k) input[k] = typeof v === "string" ? v : "";
    const text = (k: string) => (typeof input[k] === "string" ? input[k].trim() : "");
    const rowProblems: RowProblem[] = [];
    if (kind !== "partners" && "partner" in input) {
      const slug = text("partner");
      delete input.partner;
      if (slug) {
        const pid = slugs.get(slug);
        if (pid) input.partnerId = pid;
        else rowProblems.push({ row, field: "partner", message: `No partner with the short name "${slug}".` });
      }
    }
    if (kind === "partners") {
      const slug = text("slug");
      if (slug && slugs.has(slug)) rowProblems.push({ row, field: "slug", message: "A partner with this short name already exists." });
      else if (slug && seenSlugs.has(slug)) rowProblems.push({ row, field: "slug", message: `Also used on row ${seenSlugs.get(slug)}.` });
      if (slug) seenSlugs.set(slug, row);
    }
    const r = schemaFor(kind).safeParse(input);
    if (!r.success)
      for (const [field, msgs] of Object.entries(fieldErrors(r.error)))
        if (!rowProblems.some((p) => p.field === (FIELD_TO_COLUMN[field] ?? field)))
          for (const message of msgs) rowProblems.push({ row, field: FIELD_TO_COLUMN[field] ?? field, message });
    problems.push(...rowProblems);
    parsed.push({ row, input });
    if (r.success && rowProblems.length === 0) valid.push(r.data);
  });
  return { parsed, problems, valid };
}

/** Reads and checks a file without saving anything. */
export async function previewImport(db: Db, kind: ImportKind, text: string): Promise<ImportCheck> {
  const file = readCsv(kind, text);
  if (!file.ok) return file;
  const { problems } = validate(db, kind, file.records);
  return { ok: true, preview: { kind, columns: file.columns, rows: file.records.map((values, i) => ({ row: i + 2, values })), problems } };
}

/**
 * Saves every row of the file in one transaction. Any problem, found before or while writing,
 * rolls everything back and is reported with its row and column.
 */
export async function commitImport(db: Db, actor: Actor, kind: ImportKind, text: string): Promise<{ ok: true; count: number } | { ok: false; file?: FileProblem; problems?: RowProblem[] }> {
  const file = readCsv(kind, text);
  if (!file.ok) return { ok: false, file: file.file };
  const { parsed, problems, valid } = validate(db, kind, file.records);
  if (problems.length) return { ok: false, problems };
  try {
    db.transaction((tx) => {
      valid.forEach((v, i) => {
        try {
          if (kind === "partners") insertPartner(tx, actor, v as z.output<typeof createPartnerSchema>);
          else if (kind === "people") insertPerson(tx, actor, v as z.output<typeof createPersonSchema>);
          else insertMeeting(tx, actor, v as z.output<typeof createMeetingSchema>);
        } catch (e) {
          if (e instanceof ValidationError || (e instanceof Error && "fields" in e)) {
            const fields = (e as ValidationError).fields ?? { _: [e.message] };
            throw new RowFailure(
              Object.entries(fields).flatMap(([f, ms]) => ms.map((message) => ({ row: parsed[i]!.row, field: FIELD_TO_COLUMN[f] ?? f, message }))),
            );
          }
          throw e;
        }
      });
    });
  } catch (e) {
    if (e instanceof RowFailure) return { ok: false, problems: e.problems };
    throw e;
  }
  return { ok: true, count: valid.length };
}

class RowFailure extends Error {
  constructor(readonly problems: RowProblem[]) {
    super("A row could not be saved.");
  }
}
