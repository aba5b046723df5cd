import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/db/audit";
import { openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo, seedScale } from "@/db/seed";
import { csvStream } from "@/server/export/csv";
import { parseExportParams, runExport } from "@/server/export/reports";
import type { Column } from "@/server/export/table";

describe("[REPORTS] streaming", () => {
  it("pulls rows from the cursor only as the reader reads (backpressure)", async () => {
    let produced = 0;
    function* rows() {
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield { i };
      }
    }
    const cols: Column<{ i: number }>[] = [{ header: "n", type: "number", value: (r) => r.i }];
    const reader = csvStream(cols, rows()).getReader();
    await reader.read();
    await reader.read();
    expect(produced).toBeGreaterThan(0);
    expect(produced).toBeLessThan(10_000);
    await reader.cancel();
  });

  it("exports a file database through its own read-only cursor while the app keeps writing", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-stream-"));
    const db = openDb(path.join(dir, "t.db"));
    await runMigrations(db);
    await seedDemo(db);
    await seedScale(db, 3000, 7);
    const out = await runExport(db, SYSTEM_ACTOR, "meetings", parseExportParams("meetings", new URLSearchParams("format=csv")));
    const reader = out.body.getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    chunks.push(first.value!);
    // A write on the app's connection while the export's cursor is open must not be refused.
    db.$client.prepare("update setting set updated_at = updated_at").run();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    const records = parse<Record<string, string>>(Buffer.concat(chunks).toString("utf8"), { bom: true, columns: true });
    expect(records.length).toBe(out.rows);
    expect(records.length).toBe(3001);
    db.$client.close();
  }, 60_000);
});
