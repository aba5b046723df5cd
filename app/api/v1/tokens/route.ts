import { createApiToken, listApiTokens } from "@/db/queries/tokens";
import { apiRoute, readJson } from "@/lib/http";

export const GET = apiRoute("admin", async ({ db }) => ({ data: await listApiTokens(db) }));

/** Creates a token; the answer holds the secret once (201). */
export const POST = apiRoute("admin", async ({ req, db, actor }) => {
  const created = await createApiToken(db, actor, await readJson(req));
  return Response.json({ data: created }, { status: 201 });
});
