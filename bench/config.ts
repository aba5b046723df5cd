// What `npm run bench` measures, from its environment. Every setting is checked up front, so a
// typo stops the run before the long seeding starts rather than after it.
export type BenchEngine = "sqlite" | "postgres";

function list(name: string, fallback: string): string[] {
  return (process.env[name] ?? fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

function whole(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}.`);
  return n;
}

export interface BenchConfig {
  /** Meetings per run, in order: each scale is a fresh database (BENCH_SCALE=10000,100000,1000000). */
  scales: number[];
  engines: BenchEngine[];
  /** The scales PostgreSQL also runs at (BENCH_PG_SCALES, default 100000: issue 12's comparison). */
  pgScales: number[];
  port: number;
  /** Sequential requests per page (after two warm-ups). */
  renderRuns: number;
  /** autocannon seconds per cell. */
  apiSeconds: number;
  /** A folder of seeded databases kept between runs (`scale-<n>.db`), or none. */
  cacheDir: string | undefined;
}

export function benchConfig(): BenchConfig {
  const scales = list("BENCH_SCALE", "10000,100000,1000000").map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1000 || n > 5_000_000) throw new Error(`BENCH_SCALE: "${s}" is not a whole number from 1000 to 5000000.`);
    return n;
  });
  if (!scales.length) throw new Error("BENCH_SCALE names no scale.");
  const engines = list("BENCH_ENGINES", "sqlite,postgres").map((e) => {
    if (e !== "sqlite" && e !== "postgres") throw new Error(`BENCH_ENGINES: "${e}" is neither sqlite nor postgres.`);
    return e;
  });
  if (!engines.length) throw new Error("BENCH_ENGINES names no engine.");
  return {
    scales: [...new Set(scales)].sort((a, b) => a - b),
    engines: [...new Set(engines)],
    pgScales: list("BENCH_PG_SCALES", "100000").map(Number),
    port: whole("BENCH_PORT", 3199, 1024, 65_000),
    renderRuns: whole("BENCH_RUNS", 20, 3, 1000),
    apiSeconds: whole("BENCH_API_SECONDS", 8, 1, 600),
    cacheDir: process.env.BENCH_DB_CACHE || undefined,
  };
}
