// The columns each import reads, named as the exports name them (reports.columns.* in English
// and Korean), so an exported file re-imports as it is. The field names of the API (`nameEn`,
// `timeZone`) are accepted as well, for files made before the columns had human names.
import { normalLabel } from "./values";

export const IMPORT_KINDS = ["partners", "people", "meetings"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ColumnType = "id" | "text" | "enum" | "number" | "partner" | "partialDate" | "date" | "time" | "start";

export interface ImportColumn {
  /** The schema field (or, for start/date/time, the part of one). */
  key: string;
  /** Message key of the header, the same one the export writes. */
  label: string;
  type: ColumnType;
  /** Enum group under `enums.*`, for labels in either language. */
  group?: string;
  required?: boolean;
}

const col = (key: string, label: string, type: ColumnType = "text", more: Partial<ImportColumn> = {}): ImportColumn => ({ key, label: `reports.columns.${label}`, type, ...more });

export const IMPORT_COLUMNS: Record<ImportKind, ImportColumn[]> = {
  partners: [
    col("id", "id", "id"),
    col("slug", "slug", "text", { required: true }),
    col("nameEn", "nameEn", "text", { required: true }),
    col("nameKo", "nameKo", "text", { required: true }),
    col("nameLocal", "nameLocal"),
    col("country", "country", "text", { required: true }),
    col("kind", "kind", "enum", { group: "partnerKind", required: true }),
    col("level", "level", "enum", { group: "level", required: true }),
    col("status", "status", "enum", { group: "partnerStatus", required: true }),
    col("since", "since", "partialDate"),
    col("timeZone", "timeZone"),
    col("summary", "summary"),
    col("latitude", "latitude", "number"),
    col("longitude", "longitude", "number"),
  ],
  people: [
    col("id", "id", "id"),
    col("nameEn", "nameEn", "text", { required: true }),
    col("nameLocal", "nameLocal"),
    col("title", "jobTitle"),
    col("organisation", "organisation"),
    col("side", "personSide", "enum", { group: "personSide", required: true }),
    col("partner", "partner", "partner"),
    col("email", "email"),
    col("phone", "phone"),
    col("notes", "notes"),
  ],
  meetings: [
    col("id", "id", "id"),
    col("partner", "partner", "partner", { required: true }),
    col("title", "title", "text", { required: true }),
    col("kind", "kind", "enum", { group: "meetingKind", required: true }),
    col("status", "status", "enum", { group: "meetingStatus", required: true }),
    col("start", "start", "start"),
    col("date", "date", "date"),
    { key: "time", label: "import.columns.time", type: "time" },
    col("timeZone", "timeZone", "text", { required: true }),
    col("durationMinutes", "duration", "number"),
    col("venue", "venue"),
    col("city", "city"),
    col("attendeeCount", "attendees", "number"),
    col("topics", "topics"),
    col("summary", "summary"),
    col("outcomes", "outcomes"),
    col("notes", "notes"),
  ],
};

/** The columns a template offers: the export's, without the ID that only updates use. */
export function templateColumns(kind: ImportKind): ImportColumn[] {
  return IMPORT_COLUMNS[kind].filter((c) => c.key !== "id" && c.key !== "date" && c.key !== "time");
}

export type Translate = (key: string) => string;

/** Header text (in English, in Korean, or the field name) → column key, for one kind. */
export function headerIndex(kind: ImportKind, translators: Translate[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of IMPORT_COLUMNS[kind]) {
    out.set(normalLabel(c.key), c.key);
    for (const t of translators) out.set(normalLabel(t(c.label)), c.key);
  }
  // The briefing workbook's "Starts (local time)" names the same cell.
  if (kind === "meetings") for (const t of translators) out.set(normalLabel(t("reports.columns.startSheet")), "start");
  return out;
}
