// The partners list, the partner overview and a partner page count one partner's live meetings
// and unfinished follow-ups. On SQLite those counts must read the partial live indexes, which hold
// every row they count; through the full (partner_id, …) indexes each row is looked up for
// archived_at (75–112 ms against 3–6 at 100k). The planner's own choice depends on the order the
// indexes were built, so the queries name the index (db/queries/live-indexes.ts), and this reads
// the plan of every statement the loaders send.
import { drizzle } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { partnerActions } from "@/db/queries/actions";
import { partnerOverview } from "@/db/queries/board";
import { listMeetings } from "@/db/queries/meetings";
import { getPartnerBySlug, listPartnerPage } from "@/db/queries/partners";
import * as schema from "@/db/schema";
import { onPostgres, seededDb } from "../helpers/db";

const FULL_INDEXES = /USING (COVERING )?INDEX (meeting_partner_starts_idx|action_partner_status_idx)\b/;

/** The plan of every statement `load` sends that counts rows, one line per statement. */
async function countPlans(db: Db, load: (db: Db) => Promise<unknown>): Promise<string[]> {
  const sent: { sql: string; params: unknown[] }[] = [];
  const logged = drizzle(db.$client, { schema, logger: { logQuery: (q, params) => void sent.push({ sql: q, params }) } });
  await load(logged);
  return sent
    .filter(({ sql }) => /count\(/.test(sql))
    .map(({ sql, params }) => (db.$client.prepare(`explain query plan ${sql}`).all(...(params as never[])) as { detail: string }[]).map((r) => r.detail).join(" | "));
}

describe.skipIf(onPostgres)("[PERF] one partner's counts read the live indexes", () => {
  const cases: [string, (db: Db) => Promise<unknown>, RegExp[]][] = [
    ["the partners list", (db) => listPartnerPage(db, {}), [/action_live_partner_idx/, /meeting_live_partner_starts_idx/]],
    ["the partner overview", (db) => partnerOverview(db, "2026-12-03"), [/action_live_partner_idx/, /meeting_live_partner_starts_idx/]],
    ["a partner page's follow-ups", async (db) => partnerActions(db, (await getPartnerBySlug(db, "chongqing")).id), [/action_live_partner_idx/]],
    ["a partner page's meetings (their count)", async (db) => listMeetings(db, { partnerId: (await getPartnerBySlug(db, "chongqing")).id, size: 1 }), [/meeting_live_partner_starts_idx/]],
  ];

  it.each(cases)("%s", async (_name, load, wanted) => {
    const plans = await countPlans(await seededDb(), load);
    expect(plans.length).toBeGreaterThan(0);
    for (const w of wanted) expect(plans.join("\n")).toMatch(w);
    expect(plans.filter((p) => FULL_INDEXES.test(p))).toEqual([]);
  });
});
