import { can } from "@/lib/permissions";
import { jsonError } from "@/server/http";
import { apiRoute } from "@/server/http";
import { parseExportParams, REPORTS, runExport, type ReportKind } from "@/server/export/reports";
import { exportResponse, viewerZoneOf } from "@/server/export/response";

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
  return exportResponse(await runExport(db, actor, report, v, { viewerZone: viewerZoneOf(req) }));
});
