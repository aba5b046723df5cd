import { moveAction } from "@/db/queries/actions";
import { apiRoute, readJson } from "@/server/http";

/** POST { id, version, status, afterId?, beforeId? }: moves a card; 409 when the version is stale. */
export const POST = apiRoute("write", async ({ req, db, actor }) => moveAction(db, actor, await readJson(req)));
