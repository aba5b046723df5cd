import { answer, meResponse } from "@/server/api/responses";
import { apiRoute } from "@/server/http";

/** Who is calling: a signed-in user or an API token, and with which role. */
export const GET = apiRoute("read", async ({ actor }) =>
  answer(meResponse, { data: { kind: actor.userId ? "user" : "token", userId: actor.userId, label: actor.label, role: actor.role } }),
);
