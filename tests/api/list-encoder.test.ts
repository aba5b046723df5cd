import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { RESOURCES } from "@/server/api/resources";
import { answer, listEncoder } from "@/server/api/responses";
import { seededDb } from "../helpers/db";

// The lists encode their rows without zod (server/api/responses.ts, listEncoder): on every row of
// every list of the demo data, the answer is exactly what z.encode through the record schema gives.

let db: Db;
beforeAll(async () => {
  db = await seededDb();
});

describe("[API] the list rows' fast encoder", () => {
  it("answers what the record schema's z.encode answers, key for key and in order", async () => {
    for (const r of RESOURCES) {
      const rows = (await r.list(db, { limit: 200, archived: true })).data;
      expect(rows.length, r.path).toBeGreaterThan(0);
      const encode = listEncoder(r.record);
      for (const row of rows) {
        const fast = encode(row);
        const slow = answer(r.record, row) as Record<string, unknown>;
        expect(fast, `${r.path} ${row.id}`).toEqual(slow);
        expect(Object.keys(fast), r.path).toEqual(Object.keys(slow));
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
      }
    }
  });
});
