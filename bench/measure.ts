// One run of the bench: the production build serving one database (SQLite file or PostgreSQL
// URL) of one scale. Pages, the API, first paint and the exports, in that order; then, with the
// server stopped, how long `npm start` takes to answer on the same database.
import crypto from "node:crypto";
import { startServer } from "@/scripts/server-process";
import { bundleBudget, type BudgetRow } from "@/scripts/bundle-budget";
import { measureApi, type ApiMeasure } from "./api";
import { FCP_ROUTES, firstPaint, startupMs } from "./browser";
import type { BenchConfig, BenchEngine } from "./config";
import { measureBriefingPdf, measureExports, type ExportTable } from "./export";
import { measurePages, type PageIds, type PageMeasure } from "./pages";
import { signInCookie } from "./session";

export const BENCH_EMAIL = "bench@bench.local";
export const BENCH_PASSWORD = "bench-password-123";

export interface RunResult {
  scale: number;
  engine: BenchEngine;
  loadBefore: number;
  pages: PageMeasure[];
  api: ApiMeasure[];
  fcp: { route: string; fcp: number; load: number }[];
  exports: ExportTable;
  pdf: { seconds: number; kib: number; meetings: number };
  startupMs: number;
  budget?: BudgetRow[];
}

export interface RunInput {
  scale: number;
  engine: BenchEngine;
  databaseUrl: string;
  token: string;
  ids: PageIds;
  /** Also check the bundle budget (once per bench: client code does not depend on the data). */
  budget: boolean;
}

const log = (s: string) => console.error(`  · ${s}`);

export async function measureRun(cfg: BenchConfig, input: RunInput): Promise<RunResult> {
  const loadBefore = (await import("node:os")).loadavg()[0]!;
  // The floor route answers only this run's token; the floor page only when the bench asks.
  process.env.BENCH_FLOOR_TOKEN_SHA256 = crypto.createHash("sha256").update(input.token).digest("hex");
  process.env.BENCH_FLOOR_PAGE = "1";
  const server = await startServer(input.databaseUrl, cfg.port);
  let pages: PageMeasure[];
  let api: ApiMeasure[];
  const fcp: RunResult["fcp"] = [];
  let budget: BudgetRow[] | undefined;
  let pdf: RunResult["pdf"];
  try {
    const cookie = await signInCookie(server.url, BENCH_EMAIL, BENCH_PASSWORD);
    log("pages");
    pages = await measurePages(server.url, cookie, input.ids, cfg.renderRuns);
    log("API");
    api = await measureApi(server.url, input.token, cfg.apiSeconds);
    log("briefing PDF");
    pdf = { ...(await measureBriefingPdf(server.url, input.token, input.ids.busiestPartner.id)), meetings: input.ids.busiestPartner.meetings };
    log("first paint");
    for (const route of FCP_ROUTES) fcp.push({ route, ...(await firstPaint(server.url, cookie, route)) });
    if (input.budget) {
      log("bundle budget");
      budget = await bundleBudget(server.url, cookie, input.ids.meetingId);
    }
  } finally {
    await server.stop();
  }
  log("exports");
  const exports = measureExports(input.databaseUrl);
  log("start-up");
  const startup = await startupMs(input.databaseUrl, cfg.port + 1);
  return { scale: input.scale, engine: input.engine, loadBefore, pages, api, fcp, exports, pdf, startupMs: startup, budget };
}
