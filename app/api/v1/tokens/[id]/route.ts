import { revokeApiToken } from "@/db/queries/tokens";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/server/http";
import { parseIdParam } from "@/lib/validation/common";

/** Revokes a token (kept, marked revoked, so the audit trail and the list still name it). */
export const DELETE = apiRoute<{ id: string }>("admin", async ({ db, actor, params }) => {
  const id = parseIdParam(params.id);
  if (id === null) throw new NotFoundError("Active token", params.id);
  await revokeApiToken(db, actor, id);
  return new Response(null, { status: 204 });
});
