import { can } from "@/lib/auth/permissions";
import { jsonError } from "@/lib/http";
import { apiRoute } from "@/lib/http";
import { parseExportParams, REPORTS, runExport, type ReportKind } from "@/lib/export/reports";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/exports/<briefing|meetings|actions|gifts|partners|people|audit>?format=csv|xlsx|pdf&partner=1&partner=2
 * &from=YYYY-MM-DD&to=YYYY-MM-DD&status=…&owner=<person id>&lang=en|ko — streams the file.
 */
export const GET = apiRoute<{ report: string }>("export", async ({ req, db, actor, params }) => {
  const report = params.report as ReportKind;
  if (!REPORTS.includes(report)) return jsonError(404, "not_found", `There is no report called "${params.report}".`);
  if (report === "audit" && !can(actor.role, "admin")) return jsonError(403, "forbidden", "Only administrators can export the audit trail.");
  const v = parseExportParams(report, new URL(req.url).searchParams);
  // The briefing's preparation time is written in the reader's zone (the browser's, from the cookie).
  const tz = req.headers.get("cookie")?.match(/(?:^|;\s*)bh_tz=([^;]+)/)?.[1];
  const out = await runExport(db, actor, report, v, { viewerZone: tz ? decodeURIComponent(tz) : null });
  const headers = new Headers({
    "content-type": out.contentType,
    "content-disposition": `attachment; filename="${out.filename}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  if (out.rows !== null) headers.set("x-export-rows", String(out.rows));
  return new Response(out.body, { headers });
});
