// What a browser and an operator see: first contentful paint in Chromium, and how long `npm start`
// on a built app takes to answer its first request.
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

export const FCP_ROUTES = ["/timeline", "/board", "/partners/chongqing"];

/**
 * First contentful paint and the load event (every byte of the page, the streamed part included)
 * in Chromium, median of 4 loads after a first one. The browser is a returning user's: signed in
 * and with its time-zone cookie set, so no first-visit refresh is counted.
 */
export async function firstPaint(baseUrl: string, cookie: string, route: string): Promise<{ fcp: number; load: number }> {
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
      // The paint entry can be recorded after the load event (the page painted, the entry not yet
      // queued): wait for it through a buffered observer rather than read it once. A string, so
      // tsx's name helpers (not defined in the page) stay out of it.
      const m = await page.evaluate<{ fcp: number; load: number }>(`new Promise((resolve) => {
        const load = performance.getEntriesByType("navigation")[0].loadEventStart;
        const done = (fcp) => resolve({ fcp, load });
        const now = performance.getEntriesByName("first-contentful-paint")[0];
        if (now) return done(now.startTime);
        new PerformanceObserver((list) => {
          const e = list.getEntries().find((x) => x.name === "first-contentful-paint");
          if (e) done(e.startTime);
        }).observe({ type: "paint", buffered: true });
        setTimeout(() => done(NaN), 10000);
      })`);
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

/**
 * `npm start` on the built app and an existing database, from the spawn to the first 200 of
 * /login (polled every 25 ms), then stopped. Its own process group, so the stop reaches npm, tsx
 * and the Next server it started.
 */
export async function startupMs(databaseUrl: string, port: number): Promise<number> {
  const t0 = performance.now();
  const proc = spawn("npm", ["start", "-s"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01", BETTER_AUTH_URL: `http://127.0.0.1:${port}` },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`npm start exited with ${proc.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/login`)).status === 200) return Math.round(performance.now() - t0);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error("npm start did not answer within 120 s");
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    if (proc.exitCode === null) {
      process.kill(-proc.pid!, "SIGTERM");
      await exited;
    }
  }
}
