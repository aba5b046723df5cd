import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { timelineData } from "@/db/queries/timeline";
import { parseTimelineParams } from "@/lib/timeline";
import { edgeString } from "../reliability/fuzz-values";
import { seededDb } from "../helpers/db";

describe("[TIMELINE] any query string", () => {
  it("reads as filters that timelineData answers without throwing", async () => {
    const db = await seededDb();
    const value = fc.oneof(edgeString, fc.constantFrom("0000-01-01", "9999-12-31", "275760-09-13", "2019-02-29", "2019-13-01", "1969-12-31", "2019-11-27"));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("partner", "kind", "from", "to", "q"), fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: 5 }), async (sp) => {
        const data = await timelineData(db, parseTimelineParams(sp), { today: "2026-11-28" });
        expect(data.from).toBeLessThanOrEqual(data.to);
      }),
      { numRuns: 2000 },
    );
  });
});
