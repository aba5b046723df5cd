import { revokeApiToken } from "@/db/queries/tokens";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http";

/** Revokes a token (kept, marked revoked, so the audit trail and the list still name it). */
export const DELETE = apiRoute<{ id: string }>("admin", async ({ db, actor, params }) => {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError("Active token", params.id);
  await revokeApiToken(db, actor, id);
  return new Response(null, { status: 204 });
});
