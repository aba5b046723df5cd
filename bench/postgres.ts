// PostgreSQL beside SQLite: one throwaway cluster for the run (scripts/pg-cluster.ts, default
// durable settings, as SQLite runs with synchronous = FULL), and per scale a database loaded from
// the same seeded SQLite file with `npm run db:copy`, so both engines serve identical rows.
import { execFileSync } from "node:child_process";
import { startCluster, type PgCluster } from "@/scripts/pg-cluster";

let cluster: PgCluster | undefined;

/** Ports for the cluster: BENCH_PG_PORTS, else the five above the bench's own port range's middle. */
function ports(benchPort: number): [number, number] {
  const m = /^(\d+)-(\d+)$/.exec(process.env.BENCH_PG_PORTS ?? "");
  return m ? [Number(m[1]), Number(m[2])] : [benchPort + 15, benchPort + 19];
}

/** A PostgreSQL database holding a copy of the SQLite file; returns its URL and the copy's seconds. */
export async function pgCopyOf(file: string, scale: number, benchPort: number): Promise<{ url: string; copySeconds: number }> {
  cluster ??= await startCluster({ ports: ports(benchPort) });
  const url = await cluster.createDatabase(`bench_${scale}`);
  const t0 = performance.now();
  execFileSync("npm", ["run", "-s", "db:copy", "--", "--from", file, "--to", url], { stdio: ["ignore", "ignore", "inherit"] });
  return { url, copySeconds: Math.round((performance.now() - t0) / 100) / 10 };
}

export function stopPg(): void {
  cluster?.stop();
  cluster = undefined;
}
