import { createApiToken, listApiTokens } from "@/db/queries/tokens";
import { answer, createdToken, tokenList } from "@/server/api/responses";
import { apiRoute, readJson } from "@/server/http";

export const GET = apiRoute("admin", async ({ db }) => answer(tokenList, { data: await listApiTokens(db) }));

/** Creates a token; the answer holds the secret once (201). */
export const POST = apiRoute("admin", async ({ req, db, actor }) => {
  const created = await createApiToken(db, actor, await readJson(req));
  return Response.json(answer(createdToken, { data: created }), { status: 201 });
});
