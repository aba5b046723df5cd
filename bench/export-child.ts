// `tsx bench/export-child.ts <csv|xlsx|raw>` with DATABASE_URL set (SQLite file or PostgreSQL):
// one measurement in a process of its own, so that the memory it reports is that work's alone.
//   csv, xlsx  all meetings through the export route's code (runExport), stream read to the end
//   raw        the same rows and joins from the export's own cursor (openReader), nothing written
// Prints one line of JSON: rows, bytes, seconds, rows/s, RSS before and peak RSS (MiB).
import { closeDb, openDb } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { openReader } from "@/db/queries/reports";
import { parseExportParams, runExport } from "@/server/export/reports";

const MiB = 2 ** 20;
const MODES = ["csv", "xlsx", "raw"] as const;
const mode = MODES.find((m) => m === process.argv[2]);
if (!mode) throw new Error("Usage: tsx bench/export-child.ts csv|xlsx|raw");

async function drain(body: ReadableStream<Uint8Array>, sample: () => void): Promise<number> {
  let bytes = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    sample();
  }
}

async function main() {
  const db = openDb();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const timer = setInterval(sample, 10);
  const t0 = performance.now();
  let rows = 0;
  let bytes = 0;
  if (mode === "raw") {
    // Every field of every row is touched, as a writer would, but nothing is formatted.
    const reader = openReader(db);
    for await (const r of reader.rows("meetings", {})) {
      rows++;
      for (const v of Object.values(r as unknown as Record<string, unknown>)) if (typeof v === "string") bytes += v.length;
      if ((rows & 1023) === 0) sample();
    }
    reader.close();
  } else {
    // Every meeting, past the route's cap of a million rows (the bench's million has the demo's one more).
    const params = parseExportParams("meetings", new URLSearchParams({ format: mode as string }));
    const out = await runExport(db, SYSTEM_ACTOR, "meetings", params, { maxRows: Number.MAX_SAFE_INTEGER });
    bytes = await drain(out.body, sample);
    rows = out.rows ?? 0;
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  // The kernel's own high-water mark catches a peak between two samples.
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  await closeDb(db);
  const r1 = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({ mode, rows, bytes, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds), rssBeforeMiB: r1(rssBefore / MiB), peakRssMiB: r1(peak / MiB) }),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
