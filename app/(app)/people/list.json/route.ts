import { listPeople } from "@/db/queries/people";
import { apiRoute } from "@/server/http";
import { parseInput } from "@/lib/validation/common";
import { paramsRecord, personListSchema } from "@/lib/validation/lists";

// The /people list's reads in the browser: the same query and shape as the page's first render.
export const GET = apiRoute("read", async ({ req, db }) => listPeople(db, parseInput(personListSchema, paramsRecord(new URL(req.url).searchParams))));
