import { listPartnerPage } from "@/db/queries/partners";
import { apiRoute } from "@/server/http";
import { parseInput } from "@/lib/validation/common";
import { paramsRecord, partnerListSchema } from "@/lib/validation/lists";

// The /partners list's reads in the browser: the same query and shape as the page's first render.
// (A dot in the path: no partner's slug can take it.)
export const GET = apiRoute("read", async ({ req, db }) => listPartnerPage(db, parseInput(partnerListSchema, paramsRecord(new URL(req.url).searchParams))));
