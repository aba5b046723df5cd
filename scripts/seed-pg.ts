// `--demo-scale` on PostgreSQL (scripts/seed.ts): the bulk seed writes SQLite only, so it runs in
// a child process on a temporary SQLite file (the app's schema is picked per process from
// DATABASE_URL), and db:copy moves the result into the PostgreSQL database, verified table by table.
// The result is what the same command gives on a new SQLite database: the demo data and the scale
// data, with the same ids. The target must be empty, as db:copy requires; it is checked first, so a
// refusal costs no seeding.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { copyDatabase, parseLocation } from "@/db/copy";
import { openEnd } from "@/db/copy/endpoints";

async function refuseUnlessEmpty(url: string): Promise<void> {
  const target = await openEnd(parseLocation(url, "DATABASE_URL"), "target");
  try {
    const full = [...(await target.counts())].find(([, n]) => n > 0);
    if (full)
      throw new Error(
        `--demo-scale on PostgreSQL fills an empty database (it seeds a temporary SQLite file and copies it in with db:copy), but ${full[0]} already has ${full[1]} rows: point DATABASE_URL at a new database (createdb).`,
      );
  } finally {
    await target.abort();
  }
}

export async function seedScaleOnPostgres(url: string, n: number, seed: number): Promise<void> {
  await refuseUnlessEmpty(url);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgehead-scale-"));
  try {
    const file = path.join(dir, "scale.db");
    const child = spawnSync(process.execPath, ["--import", "tsx", path.join(process.cwd(), "scripts", "seed.ts"), "--demo-scale", String(n), "--seed", String(seed)], {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: file },
    });
    if (child.status !== 0) throw new Error(`Seeding the temporary SQLite file failed (exit code ${child.status ?? child.signal}).`);
    const t0 = Date.now();
    // A line per table, and every 10,000 rows of a large one (db:copy batches 750 rows).
    const report = await copyDatabase(parseLocation(file, "--from"), parseLocation(url, "DATABASE_URL"), (table, done, total) => {
      if (done === total || done % 10_000 < 750) console.log(`  copying ${table} ${done}/${total}`);
    });
    const rows = report.reduce((s, t) => s + t.target, 0);
    console.log(`Copied ${rows} rows in ${report.length} tables into PostgreSQL and verified their checksums in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
