import { getActionDetail, ownerChoices } from "@/db/queries/board";
import { isFollowing } from "@/db/queries/follows";
import { UserError } from "@/lib/errors";
import { apiRoute } from "@/server/http";
import { parseIdParam } from "@/lib/validation/common";

/** GET: one action for the board's side panel: fields, comments, history, owner choices, and whether the caller follows it. */
export const GET = apiRoute<{ id: string }>("read", async ({ db, params, actor }) => {
  const id = parseIdParam(params.id);
  if (id === null) throw new UserError("bad_request", "The id must be a positive whole number.");
  const detail = await getActionDetail(db, id);
  const following = actor.userId ? await isFollowing(db, { userId: actor.userId, type: "action", id }) : false;
  return { ...detail, owners: await ownerChoices(db, detail.action.partnerId), following };
});
