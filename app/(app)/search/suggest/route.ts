import { searchAll } from "@/db/queries/search";
import { apiRoute } from "@/server/http";

// The shell search box's suggestions: a few best hits of each type. Lives under /search (not
// /api/v1) because it is the box's own data, shaped for it.
export const GET = apiRoute("read", async ({ req, db }) => {
  const q = (new URL(req.url).searchParams.get("q") ?? "").slice(0, 200);
  return { groups: await searchAll(db, q, { limit: 4, count: false }) };
});
