// The reports: their filters (validated with zod) and the function that turns a request into a
// streamed file. Their columns are in report-columns.ts. Used by the export route and the benchmark.
import { z } from "zod";
import type { Actor } from "@/db/audit";
import { writeAudit } from "@/db/audit";
import type { Db } from "@/db/client";
import { type ReportRows, openReader, preparerName, type GiftRow, type ReportFilters } from "@/db/queries/reports";
import { briefingData, PDF_BRIEFING_CAPS, type BriefingData } from "@/db/queries/briefing";
import { getHomeRegion } from "@/db/queries/settings";
import { partner } from "@/db/schema";
import { inArray } from "drizzle-orm";
import { ACTION_STATUSES, MEETING_STATUSES, PARTNER_STATUSES } from "@/lib/domain";
import { FORMATS, REPORT_FORMATS, REPORTS, type ExportFormat, type ReportKind } from "@/lib/export/formats";
import { UserError } from "@/lib/errors";
import { isValidTimeZone, zonedTimeToUtc, type Locale } from "@/lib/format";
import { fieldErrors, id, isoDate, messageKey } from "@/lib/validation/common";
import { csvStream } from "./csv";
import { MAX_EXPORT_ROWS, type Column, type Sheet } from "./table";
import { xlsxStream } from "./xlsx";
import { inTransaction } from "@/db/tx";
import { enumLabel, tabularColumns, translator, withDeclarations, type Translate } from "./report-columns";

export { REPORTS, FORMATS, REPORT_FORMATS, type ReportKind, type ExportFormat };

/** The status vocabulary each report filters on. */
export const REPORT_STATUSES: Record<ReportKind, readonly string[]> = {
  briefing: [],
  meetings: MEETING_STATUSES,
  actions: ACTION_STATUSES,
  gifts: ["declared", "undeclared"],
  partners: PARTNER_STATUSES,
  people: [],
  audit: [],
};

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);

const paramsSchema = z
  .object({
    format: z.enum(FORMATS),
    lang: z.preprocess(empty, z.enum(["en", "ko"]).default("en")),
    partner: z.array(id).max(500).default([]),
    from: z.preprocess(empty, isoDate.optional()),
    to: z.preprocess(empty, isoDate.optional()),
    status: z.preprocess(empty, z.string().max(40).optional()),
    owner: z.preprocess(empty, id.optional()),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "The period ends before it starts." });

export type ExportParams = z.output<typeof paramsSchema>;

/** Reads and checks the query string: a 400 naming the bad fields, never a 500. */
export function parseExportParams(report: ReportKind, search: URLSearchParams): ExportParams {
  const raw = {
    format: search.get("format") ?? (report === "briefing" ? "pdf" : "csv"),
    lang: search.get("lang"),
    partner: search.getAll("partner").flatMap((p) => p.split(",")).filter(Boolean),
    from: search.get("from"),
    to: search.get("to"),
    status: search.get("status"),
    owner: search.get("owner"),
  };
  const r = paramsSchema.safeParse(raw);
  if (!r.success) throw new UserError("bad_request", "Some filters are not valid.", { fields: fieldErrors(r.error) });
  const v = r.data;
  const fields: Record<string, string[]> = {};
  if (!REPORT_FORMATS[report].includes(v.format)) fields.format = [messageKey("reportFormats", { report, formats: REPORT_FORMATS[report].join(", ") })];
  if (v.status && !REPORT_STATUSES[report].includes(v.status))
    fields.status = REPORT_STATUSES[report].length
      ? [messageKey("oneOf", { options: REPORT_STATUSES[report].join(", ") })]
      : [messageKey("noStatusFilter")];
  if (v.owner && report !== "actions") fields.owner = [messageKey("ownerActionsOnly")];
  if (report === "briefing" && v.partner.length !== 1) fields.partner = [messageKey("oneBriefingPartner")];
  if (Object.keys(fields).length) throw new UserError("bad_request", "Some filters are not valid.", { fields });
  return v;
}

/** Checks the partners exist and turns the period into UTC bounds in the home region's zone. */
async function toFilters(db: Db, v: ExportParams): Promise<ReportFilters> {
  if (v.partner.length) {
    const found = new Set((await db.select({ id: partner.id }).from(partner).where(inArray(partner.id, v.partner))).map((r) => r.id));
    const missing = v.partner.filter((id) => !found.has(id));
    if (missing.length) throw new UserError("bad_request", "Some filters are not valid.", { fields: { partner: [messageKey("unknownPartners", { ids: missing.join(", ") })] } });
  }
  const zone = (await getHomeRegion(db)).timeZone;
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    partnerIds: v.partner.length ? v.partner : undefined,
    fromAt: v.from ? (zonedTimeToUtc(v.from, "00:00", zone) ?? undefined) : undefined,
    toAt: v.to ? (zonedTimeToUtc(nextDay(v.to), "00:00", zone) ?? undefined) : undefined,
    fromDate: v.from,
    toDate: v.to,
    status: v.status,
    ownerPersonId: v.owner,
  };
}

/** The briefing as workbook sheets: one per record type. */
export function briefingSheets(d: BriefingData, t: Translate, lang: Locale): Sheet[] {
  const c = (k: string) => t(`reports.columns.${k}`);
  const s = (k: string) => t(`reports.sheets.${k}`);
  const p = d.partner;
  type M = (typeof d.milestones)[number];
  type Mt = (typeof d.meetings)[number];
  type A = (typeof d.actions)[number];
  type G = (typeof d.gifts)[number];
  const sheets: [string, Column<never>[], unknown[]][] = [
    [
      s("partner"),
      [
        { header: c("nameEn"), type: "text", width: 26, value: () => p.nameEn },
        { header: c("nameKo"), type: "text", width: 16, value: () => p.nameKo },
        { header: c("nameLocal"), type: "text", width: 16, value: () => p.nameLocal },
        { header: c("country"), type: "text", width: 8, value: () => p.country },
        { header: c("kind"), type: "text", width: 14, value: () => enumLabel(t, "partnerKind", p.kind) },
        { header: c("level"), type: "text", width: 14, value: () => enumLabel(t, "level", p.level) },
        { header: c("status"), type: "text", width: 10, value: () => enumLabel(t, "partnerStatus", p.status) },
        { header: c("since"), type: "date", width: 12, value: () => p.sinceDate },
        { header: c("precision"), type: "text", width: 10, value: () => p.sincePrecision },
        { header: c("summary"), type: "text", width: 60, value: () => p.summary },
      ] as Column<unknown>[],
      [p],
    ],
    [
      s("milestones"),
      [
        { header: c("date"), type: "date", width: 12, value: (r: M) => r.date },
        { header: c("precision"), type: "text", width: 10, value: (r: M) => r.datePrecision },
        { header: c("kind"), type: "text", width: 18, value: (r: M) => enumLabel(t, "milestoneKind", r.kind) },
        { header: c("title"), type: "text", width: 50, value: (r: M) => r.title },
        { header: c("expiresOn"), type: "date", width: 14, value: (r: M) => r.expiresOn },
        { header: c("notes"), type: "text", width: 40, value: (r: M) => r.notes },
      ] as Column<never>[],
      d.milestones,
    ],
    [
      s("meetings"),
      [
        { header: c("startSheet"), type: "instant", width: 18, value: (r: Mt) => ({ at: r.startsAt, zone: r.timeZone }) },
        { header: c("timeZone"), type: "text", width: 16, value: (r: Mt) => r.timeZone },
        { header: c("title"), type: "text", width: 40, value: (r: Mt) => r.title },
        { header: c("status"), type: "text", width: 12, value: (r: Mt) => enumLabel(t, "meetingStatus", r.status) },
        { header: c("attendees"), type: "number", width: 10, value: (r: Mt) => r.attendeeCount },
        { header: c("outcomes"), type: "text", width: 60, value: (r: Mt) => r.outcomes },
      ] as Column<never>[],
      d.meetings,
    ],
    [
      s("actions"),
      [
        { header: c("title"), type: "text", width: 50, value: (r: A) => r.title },
        { header: c("side"), type: "text", width: 10, value: (r: A) => enumLabel(t, "actionSide", r.side) },
        { header: c("owner"), type: "text", width: 22, value: (r: A) => r.ownerUser ?? r.ownerPerson },
        { header: c("due"), type: "date", width: 12, value: (r: A) => r.dueOn },
        { header: c("status"), type: "text", width: 12, value: (r: A) => enumLabel(t, "actionStatus", r.status) },
      ] as Column<never>[],
      d.actions,
    ],
    [
      s("gifts"),
      [
        { header: c("meetingDate"), type: "instant", width: 18, value: (r: G) => ({ at: r.meetingAt, zone: r.meetingZone }) },
        { header: c("direction"), type: "text", width: 10, value: (r: G) => enumLabel(t, "giftDirection", r.direction) },
        { header: c("item"), type: "text", width: 30, value: (r: G) => r.item },
        { header: c("description"), type: "text", width: 40, value: (r: G) => r.description },
        { header: c("value"), type: "number", width: 12, value: (r: G) => r.estimatedValue },
        { header: c("currency"), type: "text", width: 8, value: (r: G) => r.currency },
      ] as Column<never>[],
      d.gifts,
    ],
  ];
  void lang;
  return sheets.map(([name, columns, rows]) => ({ name, columns, rows }));
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

export interface ExportResult {
  body: ReadableStream<Uint8Array>;
  filename: string;
  contentType: string;
  /** Data rows, when known in advance (for progress). */
  rows: number | null;
}

/** Builds an export: checks filters and size, audits it, and returns the stream to send. */
export async function runExport(
  db: Db,
  actor: Actor,
  report: ReportKind,
  v: ExportParams,
  opts: { maxRows?: number; viewerZone?: string | null } = {},
): Promise<ExportResult> {
  const maxRows = opts.maxRows ?? MAX_EXPORT_ROWS;
  const filters = await toFilters(db, v);
  const lang = v.lang;
  const t = translator(lang);
  const zone = (await getHomeRegion(db)).timeZone;
  const stamp = new Date().toISOString().slice(0, 10);
  const audit = async (rows: number | null) =>
    await inTransaction(db, async (tx) =>
      writeAudit(tx, actor, {
        event: "export",
        recordType: "report",
        after: { report, format: v.format, rows, filters: { partner: v.partner, from: v.from ?? null, to: v.to ?? null, status: v.status ?? null, owner: v.owner ?? null, lang } },
      }));

  if (report === "briefing") {
    // The PDF shows the first follow-ups and latest gifts with how many there are; the workbook lists them all.
    const d = await briefingData(db, v.partner[0]!, v.format === "pdf" ? { caps: PDF_BRIEFING_CAPS } : {});
    if (!d) throw new UserError("bad_request", "Some filters are not valid.", { fields: { partner: [messageKey("unknownPartner")] } });
    await audit(null);
    const filename = `briefing-${d.partner.slug}-${stamp}.${v.format}`;
    if (v.format === "pdf") {
      const { renderBriefingPdf } = await import("./pdf");
      const home = await getHomeRegion(db);
      const buf = await renderBriefingPdf(d, {
        lang,
        t,
        preparedBy: (await preparerName(db, actor)) ?? t("reports.pdf.office"),
        viewerZone: opts.viewerZone && isValidTimeZone(opts.viewerZone) ? opts.viewerZone : zone,
        preparedFor: lang === "ko" ? home.nameKo : home.nameEn,
      });
      return { body: new Blob([new Uint8Array(buf)]).stream(), filename, contentType: CONTENT_TYPES.pdf, rows: null };
    }
    return { body: xlsxStream(briefingSheets(d, t, lang)), filename, contentType: CONTENT_TYPES.xlsx, rows: null };
  }

  // Counted on the export's own connection: its pages are not the app's cache to fill.
  const reader = openReader(db);
  let rows: number;
  try {
    rows = await reader.count(report, filters);
    if (rows > maxRows) throw new UserError("payload_too_large", t("reports.errors.tooMany", { n: rows, max: maxRows }), { details: { rows, max: maxRows } });
    await audit(rows);
  } catch (e) {
    reader.close();
    throw e;
  }
  const columns = tabularColumns(report, t, lang, zone);
  const rowsOf = reader.rows(report, filters);
  const cursor = (report === "gifts" ? withDeclarations(rowsOf as ReportRows<GiftRow>, await reader.rates()) : rowsOf) as ReportRows<never>;
  const filename = `${report}-${stamp}.${v.format}`;
  if (v.format === "csv") return { body: csvStream(columns, cursor, { onEnd: () => reader.close() }), filename, contentType: CONTENT_TYPES.csv, rows };
  return {
    body: xlsxStream([{ name: t(`reports.kinds.${report}`), columns, rows: cursor }], { onEnd: () => reader.close() }),
    filename,
    contentType: CONTENT_TYPES.xlsx,
    rows,
  };
}
