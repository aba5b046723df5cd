import { meetingPeopleOptions } from "@/db/queries/meetings";
import { apiRoute } from "@/lib/http";

// The meeting form's person picker: our side plus the chosen partner's people. Lives under
// /meetings (not /api/v1) because it is the form's own data, shaped for the picker.
export const GET = apiRoute("read", async ({ req, db }) => {
  const raw = Number(new URL(req.url).searchParams.get("partner"));
  return { people: await meetingPeopleOptions(db, Number.isInteger(raw) && raw > 0 ? raw : null) };
});
