import { apiRoute } from "@/server/http";
import { UserError } from "@/lib/errors";

// Any /api path no route serves, /api itself included (a typo, a retired version, or
// `/api/v1/exports/.` after URL normalisation), answers in the API's JSON error shape: 401 signed
// out, else 404. Never the HTML not-found page.
const notFound = apiRoute<{ path?: string[] }>("read", async ({ params }) => {
  throw new UserError("not_found", `There is no API endpoint at /api/${(params.path ?? []).join("/")}.`);
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
