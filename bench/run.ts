// `npm run bench`: measures the production build on a database made with --demo-scale 100000
// (100,000 meetings, 200,000 participants, ~300,000 actions) and prints one table, also written
// to bench/results.md. Machines here are shared and noisy: compare within one run (ratios).
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { openDb } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createApiToken } from "@/db/queries/tokens";
import { createUser } from "@/db/queries/users";
import { ensureBuild } from "@/scripts/build";
import { startServer } from "@/scripts/server-process";
import { clientJsPerRoute } from "./client-js";
import { measureExport } from "./export";
import { measureNotifyPass, per10k } from "./notify";
import { signInCookie } from "./session";
import { timeGets } from "./stats";
import { measureWrites } from "./writes";

const SCALE = Number(process.env.BENCH_SCALE ?? 100_000);
// A port of its own can be given, so that two benchmarks on one machine do not collide.
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const PASSWORD = "bench-password-123";
const RENDER = ["/", "/timeline", "/board", "/meetings", "/meetings?q=semiconductors", "/partners/chongqing", "/reports", "/visits"];

/**
 * First contentful paint and the load event (every byte of the page, the streamed part included)
 * in Chromium, median of 4 loads after a first one. The browser is a returning user's: signed in
 * and with its time-zone cookie set, so no first-visit refresh is counted.
 */
async function firstPaint(baseUrl: string, cookie: string, route: string): Promise<{ fcp: number; load: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const ctx = await browser.newContext({ timezoneId: "Asia/Seoul" });
    const cookies = [...cookie.split("; "), `bh_tz=${encodeURIComponent("Asia/Seoul")}`];
    await ctx.addCookies(cookies.map((c) => ({ name: c.split("=")[0]!, value: c.slice(c.indexOf("=") + 1), url: baseUrl })));
    const page = await ctx.newPage();
    const fcps: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(baseUrl + route, { waitUntil: "load" });
      const m = await page.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
        load: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventStart,
      }));
      if (i > 0) {
        fcps.push(m.fcp);
        loads.push(m.load);
      }
    }
    const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
    return { fcp: median(fcps), load: median(loads) };
  } finally {
    await browser.close();
  }
}

async function cannon(url: string, token: string, connections: number) {
  const r = await autocannon({ url, connections, duration: 8, headers: { authorization: `Bearer ${token}` } });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function main() {
  const lines: string[] = [];
  const out = (s = "") => {
    console.log(s);
    lines.push(s);
  };
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bh-bench-"));
  const file = path.join(dir, "bench.db");
  console.log(`Seeding ${SCALE} meetings into ${file} …`);
  execFileSync("npm", ["run", "-s", "db:seed", "--", "--demo-scale", String(SCALE), "--seed", "1"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: file } });
  const db = openDb(file);
  await createUser(db, SYSTEM_ACTOR, { email: "bench@bench.local", name: "Bench", role: "admin", password: PASSWORD });
  const { token } = await createApiToken(db, SYSTEM_ACTOR, { name: "bench", role: "editor" });
  const counts = db.$client
    .prepare("select (select count(*) from meeting) m, (select count(*) from participant) p, (select count(*) from action) a, (select count(*) from visit) v, (select count(*) from programme_item) i")
    .get() as { m: number; p: number; a: number; v: number; i: number };
  // The busiest visit (most programme items): its page is the heaviest visit page to render.
  const busy = db.$client.prepare("select visit_id id, count(*) n from programme_item group by visit_id order by n desc, visit_id limit 1").get() as { id: number; n: number } | undefined;
  const render = busy ? [...RENDER, `/visits/${busy.id}`] : RENDER;

  process.env.BENCH_FLOOR_TOKEN_SHA256 = crypto.createHash("sha256").update(token).digest("hex");
  const server = await startServer(file, PORT);
  try {
    const cookie = await signInCookie(server.url, "bench@bench.local", PASSWORD);
    out(`# Bridgehead benchmark`);
    out();
    out(`${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}`);
    out(
      `Data: ${counts.m.toLocaleString("en")} meetings, ${counts.p.toLocaleString("en")} participants, ${counts.a.toLocaleString("en")} actions, ${counts.v.toLocaleString("en")} visits with ${counts.i.toLocaleString("en")} programme items (--demo-scale ${SCALE}); the busy visit has ${busy?.n ?? 0} items.`,
    );
    out(`Load average when the run began: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")}.`);
    out();
    out("## Server render (20 sequential requests, full response)");
    out();
    out("| page | p50 ms | p95 ms | first byte p50 ms | KiB |");
    out("| --- | ---: | ---: | ---: | ---: |");
    for (const route of render) {
      const r = await timeGets(server.url + route, { cookie }, 20);
      if (r.status !== 200) throw new Error(`${route} answered ${r.status}`);
      out(`| \`${route}\` | ${r.p50} | ${r.p95} | ${r.firstByteP50} | ${Math.round(r.bytes / 1024)} |`);
    }
    out();
    out("## First contentful paint in Chromium (median of 4 loads; load = the whole streamed page)");
    out();
    out("| page | first paint ms | load event ms |");
    out("| --- | ---: | ---: |");
    for (const route of ["/timeline", "/board"]) {
      const p = await firstPaint(server.url, cookie, route);
      out(`| \`${route}\` | ${p.fcp} | ${p.load} |`);
    }
    out();
    const listUrl = `${server.url}/api/v1/meetings?limit=50`;
    const size = (await (await fetch(listUrl, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer()).byteLength;
    const floorUrl = `${server.url}/api/v1/bench-floor?bytes=${size}`;
    out(`## \`GET /api/v1/meetings?limit=50\` (${size} B) against the floor (same app, same auth header, precomputed body of the same size, no database), autocannon 8 s`);
    out();
    out("| connections | app req/s | app p99 ms | floor req/s | floor p99 ms | app/floor throughput | errors |");
    out("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const c of [1, 16, 64]) {
      const app = await cannon(listUrl, token, c);
      const floor = await cannon(floorUrl, token, c);
      out(`| ${c} | ${app.rps} | ${app.p99} | ${floor.rps} | ${floor.p99} | ${(app.rps / floor.rps).toFixed(2)} | ${app.errors + floor.errors} |`);
    }
    out();
    out("## Export of all meetings (in-process, the export route's code, stream read to the end)");
    out();
    out("| format | rows | MiB | seconds | rows/s | RSS before MiB | peak RSS MiB |");
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (const f of ["csv", "xlsx"] as const) {
      const m = await measureExport(db, f);
      out(`| ${f} | ${m.rows} | ${(m.bytes / 2 ** 20).toFixed(1)} | ${m.seconds} | ${m.rowsPerSecond} | ${m.rssBeforeMiB} | ${m.peakRssMiB} |`);
    }
    out();
    out("## Client JavaScript per route (scripts the served HTML loads, gzip -9)");
    out();
    out("| route | scripts | KiB gzipped |");
    out("| --- | ---: | ---: |");
    for (const r of await clientJsPerRoute(server.url, cookie, ["/login", "/", "/partners", "/meetings", "/meetings/new", "/timeline", "/board", "/reports"]))
      out(`| \`${r.route}\` | ${r.files} | ${r.gzipKb} |`);
    out();
    out("## Durable commits: sequential writes (createMeeting in-process, 2 alternating rounds of 200 per mode)");
    out();
    out("| synchronous | writes | writes/s | p50 ms | p99 ms |");
    out("| --- | ---: | ---: | ---: | ---: |");
    const writes = await measureWrites(file);
    for (const w of writes) out(`| ${w.mode} | ${w.writes} | ${w.writesPerSecond} | ${w.p50Ms} | ${w.p99Ms} |`);
    const [normal, full] = writes;
    out();
    out(`FULL/NORMAL throughput: ${(full!.writesPerSecond / normal!.writesPerSecond).toFixed(2)}`);
  } finally {
    await server.stop();
    db.$client.close();
  }
  // Last, with the server stopped: it adds accounts and gifts to the data.
  const n = measureNotifyPass(file);
  out();
  out(`## Scheduler: one notify pass (${n.users} accounts, ${n.openActions.toLocaleString("en")} open follow-ups, ${n.gifts.toLocaleString("en")} gifts; mail composed and dropped)`);
  out();
  out("| pass | due items | new notices | mails | wall ms | CPU ms | CPU ms per 10,000 due items | peak RSS MiB |");
  out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  out(
    `| first (all new) | ${n.first.dueItems} | ${n.first.created} | ${n.first.mails} | ${n.first.ms} | ${n.first.cpuMs} | ${per10k(n.first.cpuMs, n.first.dueItems)} | ${n.peakRssMiB} (from ${n.rssBeforeMiB}) |`,
  );
  out(`| second (none new) | ${n.second.dueItems} | ${n.second.created} | ${n.second.mails} | ${n.second.ms} | ${n.second.cpuMs} | ${per10k(n.second.cpuMs, n.second.dueItems)} | |`);
  out();
  out("How SQLite runs the first pass's selects and updates on this data (EXPLAIN QUERY PLAN; SCAN only on `user`, the accounts):");
  out();
  out("```");
  for (const p of n.plans) out([p.sql, ...p.plan.map((l) => `    ${l}`)].join("\n"));
  out("```");
  out();
  out(`Load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(", ")} (${os.cpus().length} cores).`);
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/results.md", lines.join("\n") + "\n");
  console.log("\nWritten to bench/results.md");
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
