// The bench's tables, as Markdown lines. Ratios come first: on a shared machine they hold from
// run to run where the milliseconds do not.
import type { BenchEngine } from "./config";
import { budgetTable } from "@/scripts/bundle-budget";
import type { RunResult } from "./measure";
import { FLOOR_PAGE } from "./pages";

const ENGINE: Record<BenchEngine, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };
/** a/b to two places, or a dash when b is nothing (no request finished in the time given). */
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? (a / b).toFixed(2) : "–");
const x = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : "–");
const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
export const runName = (r: RunResult) => `${ENGINE[r.engine]}, ${k(r.scale)} meetings`;

export const PAGE_GOAL = 2;
export const GROWTH_GOAL = 1.3;

const floorP50 = (r: RunResult) => r.pages.find((p) => p.route === FLOOR_PAGE)!.p50;

export function pagesTable(r: RunResult): string[] {
  const floor = floorP50(r);
  return [
    `| page | p50 / floor | p50 ms | p95 ms | first byte p50 ms | HTML KiB |`,
    `| --- | ---: | ---: | ---: | ---: | ---: |`,
    ...r.pages.map((p) => {
      const ratio = p.p50 / floor;
      const mark = p.route !== FLOOR_PAGE && ratio > PAGE_GOAL ? " **over 2×**" : "";
      return `| ${p.name} \`${p.route}\` | ${x(ratio)}${mark} | ${p.p50} | ${p.p95} | ${p.firstByteP50} | ${p.kib} |`;
    }),
  ];
}

export function apiTable(r: RunResult): string[] {
  const lines = [
    `| connections | route | bytes | req/s | p99 ms | throughput / floor (goal ≥ 0.8) | p99 / floor (goal ≤ 1.5) | errors |`,
    `| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |`,
  ];
  for (const a of r.api) {
    lines.push(`| ${a.connections} | floor | ${a.routes[0]!.bytes} | ${a.floor.rps} | ${a.floor.p99} | 1 | 1 | ${a.floor.errors} |`);
    for (const { route, bytes, r: c } of a.routes)
      lines.push(`| ${a.connections} | \`${route}\` | ${bytes} | ${c.rps} | ${c.p99} | ${ratio(c.rps, a.floor.rps)} | ${ratio(c.p99, a.floor.p99)} | ${c.errors} |`);
  }
  return lines;
}

export function exportTable(r: RunResult): string[] {
  const e = r.exports;
  const row = (name: string, m: typeof e.raw, goal: string) =>
    `| ${name} | ${m.rows} | ${(m.bytes / 2 ** 20).toFixed(1)} | ${m.seconds} | ${m.rowsPerSecond} | ${m.mode === "raw" ? "1" : ratio(m.rowsPerSecond, e.raw.rowsPerSecond)} ${goal} | ${(m.peakRssMiB - m.rssBeforeMiB).toFixed(1)} | ${m.rssBeforeMiB} → ${m.peakRssMiB} |`;
  return [
    `| read | rows | MiB | seconds | rows/s | rows/s / raw read | MiB added (goal < 32) | RSS MiB before → peak |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    row("raw cursor read (same rows and joins, nothing written)", e.raw, ""),
    row("CSV export", e.csv, "(goal ≥ 0.7)"),
    row("XLSX export", e.xlsx, "(goal ≥ 0.3)"),
    "",
    `Briefing PDF of the partner with the most meetings (${r.pdf.meetings.toLocaleString("en")}), through the export route: **${r.pdf.seconds} s** (goal < 2 s), ${r.pdf.kib} KiB.`,
  ];
}

export function browserLines(r: RunResult): string[] {
  return [
    `| page | first contentful paint ms (goal < 400) | load event ms |`,
    `| --- | ---: | ---: |`,
    ...r.fcp.map((f) => `| \`${f.route}\` | ${f.fcp} | ${f.load} |`),
    "",
    `\`npm start\` on this built app and database, spawn to the first answered request: **${(r.startupMs / 1000).toFixed(1)} s** (goal ≤ 3 s).`,
  ];
}

export function budgetLines(r: RunResult): string[] {
  if (!r.budget) return [];
  const over = r.budget.filter((b) => b.over).length;
  return [...budgetTable(r.budget), "", over ? `${over} of ${r.budget.length} routes are over budget (\`npm run bundle:budget\` exits 1).` : "Every route is within its budget."];
}

/** API cost as a page-like ratio: floor req/s over the route's, at 16 connections. */
function apiCost(r: RunResult, route: string): number {
  const a = r.api.find((c) => c.connections === 16) ?? r.api[0]!;
  return a.floor.rps / a.routes.find((x) => x.route === route)!.r.rps;
}

/** Each page and API list at each scale of one engine, against its own run's floor, and the growth between scales. */
export function growthTable(runs: RunResult[]): string[] {
  if (runs.length < 2) return [];
  const pairs = runs.slice(1).map((b, i) => [runs[i]!, b] as const);
  const head = [`| what | ${runs.map((r) => `${k(r.scale)} ×floor`).join(" | ")} | ${pairs.map(([a, b]) => `${k(b.scale)}/${k(a.scale)} (goal ≤ ${GROWTH_GOAL})`).join(" | ")} |`];
  head.push(`| --- | ${runs.map(() => "---:").join(" | ")} | ${pairs.map(() => "---:").join(" | ")} |`);
  const line = (name: string, of: (r: RunResult) => number) => {
    const v = runs.map(of);
    const g = pairs.map((_, i) => v[i + 1]! / v[i]!);
    return `| ${name} | ${v.map(x).join(" | ")} | ${g.map((n) => (n > GROWTH_GOAL ? `**${x(n)}**` : x(n))).join(" | ")} |`;
  };
  // A page whose address differs by scale (the meeting, the visit: ids of that database) is named only.
  const label = (name: string, route: string) => (runs.every((r) => r.pages.some((q) => q.name === name && q.route === route)) ? `${name} \`${route}\`` : name);
  const rows = runs[0]!.pages.filter((p) => p.route !== FLOOR_PAGE).map((p) => line(label(p.name, p.route), (r) => (r.pages.find((q) => q.name === p.name)?.p50 ?? NaN) / floorP50(r)));
  const api = runs[0]!.api[0]!.routes.map((a) => line(`API \`${a.route}\` (floor req/s ÷ its req/s, 16 connections)`, (r) => apiCost(r, a.route)));
  return [...head, ...rows, ...api];
}

/** Where each engine wins, on the runs of one scale that both engines served. */
export function engineComparison(sqlite: RunResult, pg: RunResult): string[] {
  const lines = [`| what | SQLite | PostgreSQL | PostgreSQL / SQLite | faster |`, `| --- | ---: | ---: | ---: | --- |`];
  const wins = { sqlite: [] as string[], postgres: [] as string[] };
  const add = (name: string, s: number, p: number, lowerIsBetter: boolean, unit: string) => {
    const pgWins = lowerIsBetter ? p < s : p > s;
    const close = Math.abs(p / s - 1) < 0.1;
    const who = close ? "even (within 10%)" : pgWins ? "PostgreSQL" : "SQLite";
    if (!close) wins[pgWins ? "postgres" : "sqlite"].push(name);
    lines.push(`| ${name} | ${s} ${unit} | ${p} ${unit} | ${ratio(p, s)}× | ${who} |`);
  };
  for (const p of sqlite.pages) {
    const q = pg.pages.find((y) => y.name === p.name);
    if (q) add(`page ${p.route} p50`, p.p50, q.p50, true, "ms");
  }
  for (const a of sqlite.api)
    for (const r of a.routes) {
      const b = pg.api.find((y) => y.connections === a.connections)?.routes.find((y) => y.route === r.route);
      if (b) add(`${r.route.replace("?limit=50", "")} at ${a.connections} connections`, r.r.rps, b.r.rps, false, "req/s");
    }
  for (const m of ["raw", "csv", "xlsx"] as const) add(`${m} export of all meetings`, sqlite.exports[m].rowsPerSecond, pg.exports[m].rowsPerSecond, false, "rows/s");
  add("briefing PDF", sqlite.pdf.seconds, pg.pdf.seconds, true, "s");
  add("`npm start` to first answer", sqlite.startupMs, pg.startupMs, true, "ms");
  lines.push("", `SQLite is faster on ${wins.sqlite.length} measures, PostgreSQL on ${wins.postgres.length}; the rest are within 10%.`);
  if (wins.postgres.length) lines.push(`PostgreSQL wins: ${wins.postgres.join("; ")}.`);
  if (wins.sqlite.length) lines.push(`SQLite wins: ${wins.sqlite.join("; ")}.`);
  return lines;
}
