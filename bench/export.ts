// Exports against the raw read: each measurement runs in a child process (bench/export-child.ts)
// on the engine DATABASE_URL names, so the memory an export adds is its own and PostgreSQL's
// figures come from a process whose schema is PostgreSQL's.
import { execFileSync } from "node:child_process";

export type ExportMode = "csv" | "xlsx" | "raw";

export interface ExportMeasure {
  mode: ExportMode;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  rssBeforeMiB: number;
  peakRssMiB: number;
}

export function measureExport(databaseUrl: string, mode: ExportMode): ExportMeasure {
  const out = execFileSync("npx", ["tsx", "bench/export-child.ts", mode], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "--expose-gc" },
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as ExportMeasure;
}

export interface ExportTable {
  raw: ExportMeasure;
  csv: ExportMeasure;
  xlsx: ExportMeasure;
}

/** The raw read first, then each export; all of the same rows in the same run. */
export function measureExports(databaseUrl: string): ExportTable {
  const raw = measureExport(databaseUrl, "raw");
  return { raw, csv: measureExport(databaseUrl, "csv"), xlsx: measureExport(databaseUrl, "xlsx") };
}

/**
 * The briefing PDF of a partner through the export route of the running server (the PDF renderer
 * loads only under Next's bundling): median of 3 requests after a first one, whole body read.
 */
export async function measureBriefingPdf(baseUrl: string, token: string, partnerId: number): Promise<{ seconds: number; kib: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const r = await fetch(`${baseUrl}/api/v1/exports/briefing?format=pdf&partner=${partnerId}`, { headers: { authorization: `Bearer ${token}` } });
    bytes = (await r.arrayBuffer()).byteLength;
    if (r.status !== 200) throw new Error(`The briefing PDF answered ${r.status}`);
    if (i > 0) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { seconds: Math.round(times[1]! / 10) / 100, kib: Math.round(bytes / 1024) };
}
