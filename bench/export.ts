// `npx tsx bench/export.ts [--rows 100000] [--db path]`: builds a database with N synthetic
// meetings (npm run db:seed -- --demo-scale N, in a temp folder unless --db is given), then
// exports every meeting as CSV and as XLSX through the same code as the export route, and prints
// rows per second and the peak resident memory while each export ran.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb, type Db } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { parseExportParams, runExport, type ExportFormat } from "@/server/export/reports";

export interface ExportMeasure {
  format: ExportFormat;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
}

const mib = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

/** Exports all meetings in one format, reading the stream to the end like a client would. */
export async function measureExport(db: Db, format: ExportFormat): Promise<ExportMeasure> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const out = await runExport(db, SYSTEM_ACTOR, "meetings", parseExportParams("meetings", new URLSearchParams({ format })));
  let bytes = 0;
  const reader = out.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  const rows = out.rows ?? 0;
  return { format, rows, bytes, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(rows / seconds), rssBeforeMiB: mib(rssBefore), peakRssMiB: mib(peak) };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const n = Number(arg("--rows") ?? "100000");
  let file = arg("--db");
  if (!file) {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-bench-")), "bench.db");
    console.log(`Seeding ${n} meetings into ${file} …`);
    execFileSync("npm", ["run", "-s", "db:seed", "--", "--demo-scale", String(n)], { stdio: "inherit", env: { ...process.env, DATABASE_URL: file } });
  }
  const db = openDb(file);
  const results: ExportMeasure[] = [];
  for (const format of ["csv", "xlsx"] as const) {
    const r = await measureExport(db, format);
    results.push(r);
    console.log(
      `${format.padEnd(4)} ${r.rows} rows, ${mib(r.bytes)} MiB in ${r.seconds} s: ${r.rowsPerSecond} rows/s; RSS ${r.rssBeforeMiB} → peak ${r.peakRssMiB} MiB`,
    );
  }
  db.$client.close();
  if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
