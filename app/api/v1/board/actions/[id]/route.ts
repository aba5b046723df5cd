import { getActionDetail, ownerChoices } from "@/db/queries/board";
import { UserError } from "@/lib/errors";
import { apiRoute } from "@/lib/http";
import { parseIdParam } from "@/lib/validation/common";

/** GET: one action for the board's side panel: fields, comments, history and owner choices. */
export const GET = apiRoute<{ id: string }>("read", async ({ db, params }) => {
  const id = parseIdParam(params.id);
  if (id === null) throw new UserError("bad_request", "The id must be a positive whole number.");
  const detail = await getActionDetail(db, id);
  return { ...detail, owners: await ownerChoices(db, detail.action.partnerId) };
});
