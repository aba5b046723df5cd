// `npm run bench`: the production build measured on --demo-scale databases, at each scale of
// BENCH_SCALE (default 10000,100000,1000000) and on each engine of BENCH_ENGINES (default
// sqlite,postgres; PostgreSQL at the scales of BENCH_PG_SCALES, default 100000, loaded from the same
// SQLite file with `npm run db:copy`). Prints the tables as it goes and writes them all to
// bench/results.md after every run, so a run stopped late keeps what it measured. The machines
// here are shared and noisy: compare within one run (ratios against the floor page and route).
// Other settings: BENCH_PORT (3199; start-up uses +1, PostgreSQL +15…+19), BENCH_RUNS (20),
// BENCH_API_SECONDS (8), BENCH_DB_CACHE (a folder that keeps seeded databases between runs).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createApiToken } from "@/db/queries/tokens";
import { createUser } from "@/db/queries/users";
import { ensureBuild } from "@/scripts/build";
import { benchConfig, type BenchConfig } from "./config";
import { extrasLines } from "./extras";
import { BENCH_EMAIL, BENCH_PASSWORD, measureRun, type RunResult } from "./measure";
import type { PageIds } from "./pages";
import { pgCopyOf, stopPg } from "./postgres";
import { apiTable, browserLines, budgetLines, engineComparison, exportTable, growthTable, pagesTable, runName } from "./report";

const lines: string[] = [];
const out = (...ls: string[]) => {
  for (const l of ls.length ? ls : [""]) {
    console.log(l);
    lines.push(l);
  }
};
const runs: RunResult[] = [];
let extras: string[] = [];
/** The growth tables and the engine comparison of the runs so far, after the runs' own tables. */
function summary(cfg: BenchConfig): string[] {
  const s: string[] = [];
  for (const engine of cfg.engines) {
    const g = growthTable(runs.filter((r) => r.engine === engine));
    if (g.length) s.push(`## Growth on ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}: each page and API list against its own run's floor, at each scale`, "", ...g, "");
  }
  for (const scale of cfg.scales) {
    const a = runs.find((r) => r.scale === scale && r.engine === "sqlite");
    const b = runs.find((r) => r.scale === scale && r.engine === "postgres");
    if (a && b) s.push(`## SQLite beside PostgreSQL at ${scale.toLocaleString("en")} meetings (same data, same run)`, "", ...engineComparison(a, b), "");
  }
  return s;
}
// Written after every run, so a run stopped late (the million is long) keeps what it measured.
const save = (cfg: BenchConfig, tail: string[] = []) => fs.writeFileSync("bench/results.md", [...lines, ...summary(cfg), ...extras, ...tail].join("\n") + "\n");
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(", ");

interface Seeded {
  file: string;
  seedSeconds: number | null;
  counts: Record<"m" | "p" | "a" | "v" | "i", number>;
  ids: PageIds;
  token: string;
}

/** A fresh database of `scale` synthetic meetings with the bench's account and token. */
async function seed(cfg: BenchConfig, scale: number): Promise<Seeded> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-bench-")), "bench.db");
  const cached = cfg.cacheDir ? path.join(cfg.cacheDir, `scale-${scale}.db`) : undefined;
  let seedSeconds: number | null = null;
  if (cached && fs.existsSync(cached)) fs.copyFileSync(cached, file);
  else {
    console.error(`Seeding ${scale} meetings into ${file} …`);
    const t0 = performance.now();
    execFileSync("npm", ["run", "-s", "db:seed", "--", "--demo-scale", String(scale), "--seed", "1"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: file } });
    seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
    if (cached) {
      fs.mkdirSync(cfg.cacheDir!, { recursive: true });
      fs.copyFileSync(file, cached);
    }
  }
  const db = openDb(file);
  try {
    await createUser(db, SYSTEM_ACTOR, { email: BENCH_EMAIL, name: "Bench", role: "admin", password: BENCH_PASSWORD });
    const { token } = await createApiToken(db, SYSTEM_ACTOR, { name: "bench", role: "editor" });
    const q = <T>(s: string) => db.$client.prepare(s).get() as T;
    const counts = q<Seeded["counts"]>(
      "select (select count(*) from meeting) m, (select count(*) from participant) p, (select count(*) from action) a, (select count(*) from visit) v, (select count(*) from programme_item) i",
    );
    const busy = q<{ id: number } | undefined>("select visit_id id, count(*) n from programme_item group by visit_id order by n desc, visit_id limit 1");
    const meetingId = q<{ id: number }>("select m.id from meeting m join partner p on p.id = m.partner_id where p.slug = 'chongqing' order by m.starts_at desc, m.id desc limit 1").id;
    const busiestPartner = q<{ id: number; meetings: number }>("select partner_id id, count(*) meetings from meeting group by partner_id order by meetings desc, partner_id limit 1");
    return { file, seedSeconds, counts, ids: { meetingId, busyVisitId: busy?.id, busiestPartner }, token };
  } finally {
    await closeDb(db);
  }
}

function printRun(cfg: BenchConfig, r: RunResult, s: Seeded, extra: string) {
  const c = s.counts;
  out(`## ${runName(r)}`, "");
  out(
    `Data: ${c.m.toLocaleString("en")} meetings, ${c.p.toLocaleString("en")} participants, ${c.a.toLocaleString("en")} actions, ${c.v.toLocaleString("en")} visits with ${c.i.toLocaleString("en")} programme items. ${extra}Load average when this run began: ${r.loadBefore.toFixed(1)}.`,
    "",
  );
  out(`### Server render (${r.pages.length} pages, sequential requests after two warm-ups; ratio to the floor page, goal ≤ 2×)`, "", ...pagesTable(r), "");
  out(`### API lists against the floor route (autocannon)`, "", ...apiTable(r), "");
  out(`### Exports of all meetings against the raw read (each in a child process of its own)`, "", ...exportTable(r), "");
  out(`### Browser and start-up`, "", ...browserLines(r), "");
  if (r.budget) out(`### Client JavaScript per route (scripts the served HTML loads, gzip -9; \`scripts/bundle-budget.ts\`)`, "", ...budgetLines(r), "");
  save(cfg);
}

async function main() {
  const cfg = benchConfig();
  ensureBuild();
  fs.mkdirSync("bench", { recursive: true });
  out(`# Bridgehead benchmark`, "");
  out(`${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}`);
  out(`Scales: ${cfg.scales.join(", ")} meetings; engines: ${cfg.engines.join(", ")} (PostgreSQL at ${cfg.pgScales.join(", ")}). Load average at the start: ${load()} (${os.cpus().length} cores).`, "");
  const reference = cfg.scales.includes(100_000) ? 100_000 : cfg.scales.filter((s) => s <= 100_000).at(-1) ?? cfg.scales[0]!;
  try {
    for (const scale of cfg.scales) {
      const s = await seed(cfg, scale);
      const seeded = s.seedSeconds === null ? "Seeded earlier (BENCH_DB_CACHE). " : `Seeded in ${s.seedSeconds} s. `;
      for (const engine of cfg.engines) {
        if (engine === "postgres" && !cfg.pgScales.includes(scale)) continue;
        console.error(`Measuring ${engine} at ${scale} meetings …`);
        let url = s.file;
        let extra = seeded;
        if (engine === "postgres") {
          const pg = await pgCopyOf(s.file, scale, cfg.port);
          url = pg.url;
          extra = `Copied from the SQLite file with \`npm run db:copy\` in ${pg.copySeconds} s. `;
        }
        const r = await measureRun(cfg, { scale, engine, databaseUrl: url, token: s.token, ids: s.ids, budget: runs.length === 0 });
        runs.push(r);
        printRun(cfg, r, s, extra);
      }
      // Durable commits and the notify pass write to the data: once, after the reference scale's runs.
      if (scale === reference) {
        console.error("Durable commits and the notify pass …");
        extras = await extrasLines(s.file);
        save(cfg);
      }
      fs.rmSync(path.dirname(s.file), { recursive: true, force: true });
    }
  } finally {
    stopPg();
  }
  const tail = ["", `Load average at the end: ${load()} (${os.cpus().length} cores).`];
  for (const l of [...summary(cfg), ...extras, ...tail]) console.log(l);
  save(cfg, tail);
  console.log("\nWritten to bench/results.md");
}

main().catch((e: unknown) => {
  console.error(e);
  stopPg();
  process.exit(1);
});
