import { describe, expect, it } from "vitest";
import { createAction } from "@/db/queries/actions";
import { countReport, openReader, type ReportFilters } from "@/db/queries/reports";
import { SYSTEM_ACTOR } from "@/db/audit";
import { partner } from "@/db/schema";
import { seededDb } from "../helpers/db";

// An export counts its rows first (to refuse one over the cap and to audit how many it sent), off
// the base table where the joins cannot change the count. This holds the count equal to the rows
// the export then reads, for every tabular report and each kind of filter.

const REPORTS = ["meetings", "actions", "gifts", "partners", "people", "audit"] as const;

async function readAll(rows: Iterable<unknown> | AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}

describe("[REPORTS] row counts", () => {
  it("equal the rows each report reads, with and without filters", async () => {
    const db = await seededDb();
    const partners = await db.select({ id: partner.id, slug: partner.slug }).from(partner);
    const cq = partners.find((p) => p.slug === "chongqing")!.id;
    // A follow-up with no meeting and no owner: the actions report's left joins find nothing.
    await createAction(db, SYSTEM_ACTOR, { partnerId: cq, title: "Unattached follow-up", side: "ours", status: "open" });
    const filters: ReportFilters[] = [
      {},
      { partnerIds: [cq] },
      { partnerIds: partners.map((p) => p.id).filter((id) => id !== cq) },
      { fromAt: new Date("2019-01-01T00:00:00Z"), toAt: new Date("2020-01-01T00:00:00Z") },
      { status: "open" },
      { fromDate: "2019-01-01", toDate: "2030-12-31" },
    ];
    const reader = openReader(db);
    try {
      let nonEmpty = 0;
      for (const report of REPORTS)
        for (const f of filters) {
          const n = await readAll(reader.rows(report, f));
          expect(await countReport(db, report, f), `${report} ${JSON.stringify(f)}`).toBe(n);
          expect(await reader.count(report, f)).toBe(n);
          if (n) nonEmpty++;
        }
      expect(nonEmpty).toBeGreaterThan(REPORTS.length * 2);
    } finally {
      reader.close();
    }
  });
});
