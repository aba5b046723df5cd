// Board benchmark: `npx tsx bench/board.ts [--scale 3500] [--runs 30] [--port 3190]`.
// Builds a database with the demo data plus `scale` synthetic meetings (~3 actions each, so
// 3500 → ~10,000 actions; 100000 → ~300,000), starts the production build against it, signs in
// through the real login page in Chromium (Playwright, CHROMIUM_PATH or /usr/bin/chromium), then
// measures (1) the server render of /board: time to the full HTML over HTTP with the session
// cookie, p50/p95 after a warm-up, and (2) first contentful paint in Chromium (navigation start
// to FCP from the browser's performance entries). `benchBoard` is exported for `npm run bench`.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { SYSTEM_ACTOR } from "@/db/audit";
import { openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createUser } from "@/db/queries/users";
import { seedDemo, seedScale } from "@/db/seed";
import { ensureBuild, nextBin } from "../scripts/build";

const EMAIL = "bench@bench.test";
const PASSWORD = "bench-password-0123";

export interface BoardBenchResult {
  scale: number;
  actions: number;
  htmlBytes: number;
  cardsRendered: number;
  serverMs: { p50: number; p95: number; min: number; max: number; runs: number };
  fcpMs: { p50: number; p95: number; runs: number };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 10) / 10;

/** A database with the demo data, `scale` synthetic meetings and a bench admin; reused when present. */
export async function prepareDb(scale: number): Promise<{ file: string; actions: number }> {
  const file = path.join(os.tmpdir(), `bridgehead-bench-board-${scale}.db`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.building`;
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
    const db = openDb(tmp);
    await runMigrations(db);
    await seedDemo(db);
    const t0 = Date.now();
    await seedScale(db, scale, 1);
    console.log(`Seeded ${scale} meetings in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await createUser(db, SYSTEM_ACTOR, { email: EMAIL, name: "Bench Admin", role: "admin", password: PASSWORD });
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
    fs.renameSync(tmp, file);
    for (const ext of ["-wal", "-shm"]) fs.rmSync(`${tmp}${ext}`, { force: true });
  }
  const db = openDb(file);
  const { n } = db.$client.prepare("select count(*) n from action").get() as { n: number };
  db.$client.close();
  return { file, actions: n };
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The server did not answer at ${url}`);
}

export async function benchBoard(opts: { scale?: number; runs?: number; port?: number } = {}): Promise<BoardBenchResult> {
  const scale = opts.scale ?? 3500;
  const runs = opts.runs ?? 30;
  const port = opts.port ?? 3190;
  const base = `http://localhost:${port}`;
  const { file, actions } = await prepareDb(scale);
  ensureBuild();
  const server = spawn(nextBin, ["start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: file, BETTER_AUTH_URL: base, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-0123", NODE_ENV: "production" },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    await waitForServer(`${base}/login`, server);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");

    // Server render: the full HTML of /board over HTTP.
    const times: number[] = [];
    let htmlBytes = 0;
    for (let i = 0; i < runs + 3; i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}/board`, { headers: { cookie } });
      const html = await r.text();
      const ms = performance.now() - t0;
      if (r.status !== 200 || !html.includes("data-board")) throw new Error(`/board answered ${r.status} without the board`);
      htmlBytes = Buffer.byteLength(html);
      if (i >= 3) times.push(ms);
    }

    // First contentful paint in Chromium, a fresh page each time (the cache is warm after the first).
    const fcps: number[] = [];
    let cardsRendered = 0;
    for (let i = 0; i < Math.min(runs, 10) + 1; i++) {
      const p = await context.newPage();
      await p.goto(`${base}/board`, { waitUntil: "load" });
      const fcp = await p.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const hit = performance.getEntriesByName("first-contentful-paint")[0];
            if (hit) return resolve(hit.startTime);
            new PerformanceObserver((l) => resolve(l.getEntries()[0]!.startTime)).observe({ type: "paint", buffered: true });
          }),
      );
      cardsRendered = await p.locator("[data-card-id]").count();
      if (i > 0) fcps.push(fcp);
      await p.close();
    }
    return {
      scale,
      actions,
      htmlBytes,
      cardsRendered,
      serverMs: { p50: round(pct(times, 50)), p95: round(pct(times, 95)), min: round(Math.min(...times)), max: round(Math.max(...times)), runs },
      fcpMs: { p50: round(pct(fcps, 50)), p95: round(pct(fcps, 95)), runs: fcps.length },
    };
  } finally {
    await browser.close();
    server.kill("SIGTERM");
  }
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchBoard({ scale: arg("--scale"), runs: arg("--runs"), port: arg("--port") })
    .then((r) => {
      console.log(`\n/board with ${r.actions.toLocaleString("en")} actions (demo + ${r.scale} synthetic meetings)\n`);
      console.table({
        "server render (full HTML)": { p50_ms: r.serverMs.p50, p95_ms: r.serverMs.p95, runs: r.serverMs.runs },
        "first contentful paint (Chromium)": { p50_ms: r.fcpMs.p50, p95_ms: r.fcpMs.p95, runs: r.fcpMs.runs },
      });
      console.log(`HTML ${(r.htmlBytes / 1024).toFixed(0)} KiB; ${r.cardsRendered} cards rendered on first paint.`);
      process.exit(0);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
