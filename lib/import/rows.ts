// One row of a file → the input of the record's zod schema, reading each cell the way its
// column's type says (labels → codes, spreadsheet dates and times → ISO). Problems name the
// column by its key and carry a message key, so the screen says them in the viewer's language.
import { zonedTimeToUtc } from "@/lib/format";
import type { ImportColumn } from "./columns";
import { enumCode } from "./labels";
import { normalLabel, readDate, readNumber, readPartialDate, readStart, readTime } from "./values";

export type RowProblem = {
  /** The row in the file: the header is row 1. */
  row: number;
  /** The column's key, or "_" for the row as a whole. */
  column: string;
} & (
  /** What the reading found, as a message key from the root: "import.problem.enum", … */
  | { key: string; values?: Record<string, string | number> }
  /** What the record's schema or the data layer refused: a field error (lib/validation/message-key.ts), in the forms' words. */
  | { error: string }
);

/** Partner lookup: short name or any of its names, normalised → ids (more than one is ambiguous). */
export type PartnerIndex = Map<string, Set<number>>;

// The CSV export puts a "'" before text a spreadsheet would run as a formula; take it off again.
const NEUTRALISED = /^'(?='*[=+\-@\t\r])/;

export interface RowInput {
  /** Schema input built from the cells present in the file. */
  input: Record<string, unknown>;
  id?: number;
  /** The offset written with the start, to check against the time zone. */
  offset?: number;
  problems: RowProblem[];
}

export function readRow(
  row: number,
  cells: Record<string, string>,
  columns: ImportColumn[],
  ctx: { partners: PartnerIndex; decimalComma: boolean; unquote: boolean },
): RowInput {
  const problems: RowProblem[] = [];
  const input: Record<string, unknown> = {};
  const out: RowInput = { input, problems };
  const bad = (column: string, key: string, values?: Record<string, string | number>) => problems.push({ row, column, key: `import.problem.${key}`, values });
  for (const c of columns) {
    if (!(c.key in cells)) continue;
    const raw = cells[c.key]!;
    const text = (ctx.unquote ? raw.replace(NEUTRALISED, "") : raw).trim();
    switch (c.type) {
      case "id":
        if (text && !/^\d{1,15}$/.test(text)) bad(c.key, "id", { value: text });
        else if (text) out.id = Number(text);
        break;
      case "enum": {
        const code = text ? enumCode(c.group!, text) : "";
        if (code === undefined) bad(c.key, "enum", { value: text });
        else input[c.key] = code;
        break;
      }
      case "number":
        input[c.key] = readNumber(text, ctx.decimalComma);
        break;
      case "partner": {
        if (!text) break;
        const ids = ctx.partners.get(normalLabel(text));
        if (!ids) bad(c.key, "unknownPartner", { value: text });
        else if (ids.size > 1) bad(c.key, "ambiguousPartner", { value: text });
        else input.partnerId = [...ids][0];
        break;
      }
      case "partialDate":
        input[c.key] = text ? (readPartialDate(text) ?? text) : "";
        break;
      case "date":
        input.date = text ? (readDate(text) ?? text) : "";
        break;
      case "time":
        if (text && !readTime(text)) bad(c.key, "time", { value: text });
        else input.time = text ? readTime(text) : "";
        break;
      case "start": {
        if (!text) break;
        const s = readStart(text);
        if (!s) bad(c.key, "start", { value: text });
        else {
          input.date = s.date;
          input.time = s.time;
          out.offset = s.offset;
        }
        break;
      }
      default:
        input[c.key] = text;
    }
  }
  return out;
}

/** An offset written beside the wall-clock time must be the zone's own at that moment. */
export function offsetProblem(row: number, v: { date?: unknown; time?: unknown; timeZone?: unknown }, offset: number | undefined): RowProblem | null {
  if (offset === undefined || typeof v.date !== "string" || typeof v.time !== "string" || typeof v.timeZone !== "string") return null;
  const at = zonedTimeToUtc(v.date, v.time, v.timeZone);
  if (!at) return null;
  const written = Date.parse(`${v.date}T${v.time}:00Z`) - offset * 60_000;
  if (written === at.getTime()) return null;
  return { row, column: "start", key: "import.problem.offset", values: { zone: v.timeZone } };
}
