// `npx tsx bench/render.ts [--scale 100000] [--port 3199] [--runs 20] [--db seeded-copy.db]`
// Server render time of the timeline, the partner page and the dashboard against a database of
// `--scale` synthetic meetings: builds the database in a temp folder, serves the production
// build on it, signs in through the real login form (Playwright's Chromium), then times each
// page over `--runs` requests (time to the last byte on localhost: the server's render time).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { SYSTEM_ACTOR } from "@/db/audit";
import { openDb } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { ensureBuild, nextBin } from "../scripts/build";

export const RENDER_PAGES = ["/timeline", "/timeline?partner=chongqing&kind=meeting&from=2019-01-01&to=2019-12-31", "/partners/chongqing", "/", "/meetings", "/visits"];

export interface RenderResult {
  path: string;
  status: number;
  firstMs: number;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

/** Times each page `runs` times after one cold request; `cookie` is a signed-in session's Cookie header. */
export async function benchRender(baseUrl: string, cookie: string, runs = 20, pages = RENDER_PAGES): Promise<RenderResult[]> {
  const out: RenderResult[] = [];
  for (const p of pages) {
    const once = async () => {
      const t0 = performance.now();
      const r = await fetch(new URL(p, baseUrl), { headers: { cookie }, redirect: "manual" });
      const body = await r.text();
      return { ms: performance.now() - t0, status: r.status, bytes: Buffer.byteLength(body) };
    };
    const first = await once();
    const times: number[] = [];
    let last = first;
    for (let i = 0; i < runs; i++) {
      last = await once();
      times.push(last.ms);
    }
    out.push({ path: p, status: last.status, firstMs: first.ms, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times), bytes: last.bytes });
  }
  return out;
}

export function printRenderTable(rows: RenderResult[]): void {
  const f = (n: number) => n.toFixed(0).padStart(6);
  console.log(`\n| page | status | first (ms) | p50 (ms) | p95 (ms) | max (ms) | HTML (KiB) |\n| --- | --- | --- | --- | --- | --- | --- |`);
  for (const r of rows)
    console.log(`| ${r.path} | ${r.status} | ${f(r.firstMs)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.max)} | ${(r.bytes / 1024).toFixed(0)} |`);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function main() {
  const scale = Number(arg("--scale", "100000"));
  const port = Number(arg("--port", "3199"));
  const runs = Number(arg("--runs", "20"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgehead-bench-"));
  const dbFile = path.join(dir, "bench.db");
  const env = { ...process.env, DATABASE_URL: dbFile };
  const reuse = arg("--db", "");
  if (reuse) {
    // A copy of a database seeded earlier with `npm run db:seed -- --demo-scale N` (saves the seeding time).
    fs.copyFileSync(reuse, dbFile);
  } else {
    console.log(`Seeding ${scale} meetings into ${dbFile}…`);
    const seeded = spawnSync("npm", ["run", "db:seed", "--", "--demo-scale", String(scale)], { env, stdio: "inherit" });
    if (seeded.status !== 0) throw new Error("seeding failed");
  }
  const email = "bench@bench.test";
  const password = "bench-password-123";
  const db = openDb(dbFile);
  await createUser(db, SYSTEM_ACTOR, { email, name: "Bench Viewer", role: "viewer", password });
  db.$client.close();

  ensureBuild();
  const baseUrl = `http://localhost:${port}`;
  const server = spawn(nextBin, ["start", "-p", String(port)], {
    env: { ...env, BETTER_AUTH_URL: baseUrl, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${baseUrl}/login`, 120_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
      args: ["--no-sandbox", "--disable-gpu"],
    });
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${baseUrl}/`, { timeout: 60_000 });
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await browser.close();
    console.log(`Timing ${RENDER_PAGES.length} pages, 1 cold + ${runs} requests each, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}…`);
    printRenderTable(await benchRender(baseUrl, cookie, runs));
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
