// `tsx scripts/bundle-budget.ts`: the gzipped client JavaScript each route's HTML loads, against
// issue 19's budget: at most 160 KiB on routes without charts and 220 KiB on routes with them.
// Exits 1 when a route is over. Starts the production build on a fresh demo database of its own
// (port BUDGET_PORT, default 3198); `npm run bench` calls `bundleBudget` on its running server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc } from "drizzle-orm";
import { SYSTEM_ACTOR } from "@/db/audit";
import { closeDb, openDb } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { meeting } from "@/db/schema";
import { clientJsPerRoute } from "@/bench/client-js";
import { signInCookie } from "@/bench/session";
import { ensureBuild } from "./build";
import { preparedDb, startServer } from "./server-process";

export const BUDGET_KIB = { plain: 160, charts: 220 };

/** Routes that draw charts (Recharts): the dashboard, the timeline and a partner page's timeline. */
const CHART_ROUTES = new Set(["/", "/timeline", "/partners/chongqing"]);

export function budgetRoutes(meetingId: number): string[] {
  return ["/login", "/", "/partners", "/partners/chongqing", "/meetings", "/meetings/new", `/meetings/${meetingId}`, "/people", "/actions", "/timeline", "/board", "/board/partners", "/reports", "/visits", "/notifications", "/admin/audit"];
}

export interface BudgetRow {
  route: string;
  charts: boolean;
  files: number;
  gzipKb: number;
  budgetKb: number;
  over: boolean;
}

export async function bundleBudget(baseUrl: string, cookie: string, meetingId: number): Promise<BudgetRow[]> {
  return (await clientJsPerRoute(baseUrl, cookie, budgetRoutes(meetingId))).map((r) => {
    const charts = CHART_ROUTES.has(r.route);
    const budgetKb = charts ? BUDGET_KIB.charts : BUDGET_KIB.plain;
    return { ...r, charts, budgetKb, over: r.gzipKb > budgetKb };
  });
}

export function budgetTable(rows: BudgetRow[]): string[] {
  return [
    "| route | charts | scripts | KiB gzipped | budget KiB | within |",
    "| --- | --- | ---: | ---: | ---: | --- |",
    ...rows.map((r) => `| \`${r.route}\` | ${r.charts ? "yes" : "no"} | ${r.files} | ${r.gzipKb} | ${r.budgetKb} | ${r.over ? "**no**" : "yes"} |`),
  ];
}

async function main() {
  ensureBuild();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-budget-")), "budget.db");
  await preparedDb(file);
  const db = openDb(file);
  const password = "budget-password-123";
  await createUser(db, SYSTEM_ACTOR, { email: "budget@bench.local", name: "Budget", role: "admin", password });
  const meetingId = (await db.select({ id: meeting.id }).from(meeting).orderBy(asc(meeting.id)).limit(1))[0]!.id;
  await closeDb(db);
  const server = await startServer(file, Number(process.env.BUDGET_PORT ?? 3198));
  try {
    const rows = await bundleBudget(server.url, await signInCookie(server.url, "budget@bench.local", password), meetingId);
    for (const l of budgetTable(rows)) console.log(l);
    const over = rows.filter((r) => r.over);
    if (over.length) {
      console.error(`\nOver budget: ${over.map((r) => `${r.route} (${r.gzipKb} > ${r.budgetKb} KiB)`).join(", ")}.`);
      process.exitCode = 1;
    } else console.log("\nEvery route is within its budget.");
  } finally {
    await server.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
}
