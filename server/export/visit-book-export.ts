import "server-only";
// The visit briefing book as a download: parameters checked (400 naming the field), the visit
// read (404 when unknown), the export audited like every report, and the file built.
import { z } from "zod";
import type { Actor } from "@/db/audit";
import { writeAudit } from "@/db/audit";
import type { Db } from "@/db/client";
import { preparerName } from "@/db/queries/reports";
import { visitBriefingData } from "@/db/queries/visit-briefing";
import { inTransaction } from "@/db/tx";
import { UserError } from "@/lib/errors";
import { isValidTimeZone } from "@/lib/format";
import { fieldErrors } from "@/lib/validation/common";
import { translator } from "./report-columns";
import type { ExportResult } from "./reports";
import { buildVisitBook } from "./visit-book";
import { visitBookSheets } from "./visit-book-sheets";
import { xlsxStream } from "./xlsx";

const empty = (v: unknown) => (v === "" || v === null ? undefined : v);
const paramsSchema = z.object({
  format: z.preprocess(empty, z.enum(["pdf", "xlsx"]).default("pdf")),
  lang: z.preprocess(empty, z.enum(["en", "ko"]).default("en")),
});
export type VisitBookParams = z.output<typeof paramsSchema>;

export function parseVisitBookParams(search: URLSearchParams): VisitBookParams {
  const r = paramsSchema.safeParse({ format: search.get("format"), lang: search.get("lang") });
  if (!r.success) throw new UserError("bad_request", "Some parameters are not valid.", { fields: fieldErrors(r.error) });
  return r.data;
}

export async function runVisitBookExport(db: Db, actor: Actor, visitId: number, p: VisitBookParams, opts: { viewerZone?: string | null; now?: Date } = {}): Promise<ExportResult> {
  const now = opts.now ?? new Date();
  const d = await visitBriefingData(db, visitId, now);
  const t = translator(p.lang);
  const model = buildVisitBook(d, {
    lang: p.lang,
    t,
    preparedBy: (await preparerName(db, actor)) ?? t("reports.pdf.office"),
    viewerZone: opts.viewerZone && isValidTimeZone(opts.viewerZone) ? opts.viewerZone : d.home.timeZone,
    now,
  });
  await inTransaction(db, async (tx) =>
    writeAudit(tx, actor, { event: "export", recordType: "report", after: { report: "visit-briefing", visit: visitId, format: p.format, lang: p.lang } }),
  );
  const filename = `briefing-visit-${visitId}-${now.toISOString().slice(0, 10)}.${p.format}`;
  if (p.format === "pdf") {
    const { renderVisitBookPdf } = await import("./visit-book-pdf");
    const buf = await renderVisitBookPdf(model, t, p.lang === "ko" ? d.home.nameKo : d.home.nameEn);
    return { body: new Blob([new Uint8Array(buf)]).stream(), filename, contentType: "application/pdf", rows: null };
  }
  return { body: xlsxStream(visitBookSheets(model, t)), filename, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", rows: null };
}
