import { meetingPeopleOptions } from "@/db/queries/meetings";
import { apiRoute } from "@/server/http";
import { parseIdParam } from "@/lib/validation/common";

// The meeting form's person picker: our side plus the chosen partner's people. Lives under
// /meetings (not /api/v1) because it is the form's own data, shaped for the picker.
export const GET = apiRoute("read", async ({ req, db }) => {
  return { people: await meetingPeopleOptions(db, parseIdParam(new URL(req.url).searchParams.get("partner"))) };
});
