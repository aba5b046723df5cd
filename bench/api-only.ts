// Only the API part of `npm run bench` (bench/api.ts), for quick before/after comparisons: the
// production build serving a copy of BENCH_DB_CACHE's scale-N.db (seeded as bench/run.ts seeds
// it, `--demo-scale N --seed 1`), the lists at 1, 16 and 64 connections against the floor route.
// Settings: BENCH_SCALE (one scale, default 100000), BENCH_PORT, BENCH_API_SECONDS, BENCH_DB_CACHE.
//   BENCH_SCALE=100000 BENCH_DB_CACHE=/tmp/bench npx tsx bench/api-only.ts
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { SYSTEM_ACTOR } from "@/db/audit";
import { closeDb, openDb } from "@/db/client";
import { createApiToken } from "@/db/queries/tokens";
import { startServer } from "@/scripts/server-process";
import { measureApi } from "./api";

async function main() {
  const scale = Number(process.env.BENCH_SCALE ?? 100000);
  const port = Number(process.env.BENCH_PORT ?? 3199);
  const seconds = Number(process.env.BENCH_API_SECONDS ?? 8);
  const cacheDir = process.env.BENCH_DB_CACHE;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-bench-api-")), "bench.db");
  const cached = cacheDir ? path.join(cacheDir, `scale-${scale}.db`) : undefined;
  if (cached && fs.existsSync(cached)) fs.copyFileSync(cached, file);
  else {
    execFileSync("npm", ["run", "-s", "db:seed", "--", "--demo-scale", String(scale), "--seed", "1"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: file } });
    if (cached) {
      fs.mkdirSync(cacheDir!, { recursive: true });
      fs.copyFileSync(file, cached);
    }
  }
  const db = openDb(file);
  const { token } = await createApiToken(db, SYSTEM_ACTOR, { name: "bench", role: "editor" });
  await closeDb(db);
  process.env.BENCH_FLOOR_TOKEN_SHA256 = crypto.createHash("sha256").update(token).digest("hex");
  const server = await startServer(file, port);
  try {
    const load = os.loadavg()[0]!;
    const rows = await measureApi(server.url, token, seconds);
    console.log(`\nAPI lists against the floor route, ${scale} meetings, ${seconds} s per cell, load ${load.toFixed(1)} before\n`);
    console.log("| connections | route | req/s | floor req/s | ratio | p99 ms | floor p99 ms | p99 ratio | errors |");
    console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const m of rows)
      for (const r of m.routes)
        console.log(
          `| ${m.connections} | ${r.route} | ${r.r.rps} | ${m.floor.rps} | ${(r.r.rps / m.floor.rps).toFixed(2)} | ${r.r.p99} | ${m.floor.p99} | ${(r.r.p99 / Math.max(m.floor.p99, 1)).toFixed(2)} | ${r.r.errors} |`,
        );
    console.log(`\nLoad after: ${os.loadavg()[0]!.toFixed(1)}`);
  } finally {
    await server.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
