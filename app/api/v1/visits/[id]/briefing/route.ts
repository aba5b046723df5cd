import { apiRoute, jsonError } from "@/server/http";
import { exportResponse, viewerZoneOf } from "@/server/export/response";
import { parseVisitBookParams, runVisitBookExport } from "@/server/export/visit-book-export";
import { parseIdParam } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

/** GET /api/v1/visits/<id>/briefing?format=pdf|xlsx&lang=en|ko — the visit briefing book as a file. */
export const GET = apiRoute<{ id: string }>("export", async ({ req, db, actor, params }) => {
  const id = parseIdParam(params.id);
  if (id === null) return jsonError(400, "bad_request", "A visit id is a positive whole number.", { fields: { id: ["A visit id is a positive whole number."] } });
  const p = parseVisitBookParams(new URL(req.url).searchParams);
  return exportResponse(await runVisitBookExport(db, actor, id, p, { viewerZone: viewerZoneOf(req) }));
});
