import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { startCluster, type PgCluster } from "@/scripts/pg-cluster";
import { reliabilityPort, startServer, type Server } from "@/scripts/server-process";

// What the PostgreSQL reliability tests stand on: a throwaway cluster of their own (fsync on,
// as in production), a migrated and seeded database, and N `next start` instances of the built
// app on it. stop() ends all of it; the cluster's own exit handler and watchdog end the server
// even when the test process dies first.
export type Rig = {
  cluster: PgCluster;
  url: string;
  token: string;
  servers: Server[];
  /** Starts (again) instance i on its own port. */
  start(i: number): Promise<Server>;
  /** One query against the database, on a fresh connection. */
  query<R extends pg.QueryResultRow>(text: string, args?: unknown[]): Promise<R[]>;
  stop(): Promise<void>;
};

/** Instances listen on RELIABILITY_PORT + 11, + 12, …, apart from the SQLite tests' ports. */
export const instancePort = (i: number) => reliabilityPort(11 + i);

export async function startRig(instances = 2): Promise<Rig> {
  const cluster = await startCluster();
  const servers: Server[] = [];
  const stop = async () => {
    await Promise.all(servers.map((s) => s.stop("SIGKILL")));
    cluster.stop();
  };
  try {
    // A child process, because db/schema.ts picks its dialect from DATABASE_URL at load and
    // this test process runs with the SQLite one.
    const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["tests/reliability/fixtures/prepare-db.ts"], {
      env: { ...process.env, DATABASE_URL: cluster.url },
      encoding: "utf8",
    });
    const { token } = JSON.parse(out.trim().split("\n").at(-1)!) as { token: string };
    const rig: Rig = {
      cluster,
      url: cluster.url,
      token,
      servers,
      async start(i) {
        const server = await startServer(cluster.url, instancePort(i));
        // As a balancer's health check would: the routes the clients use are loaded before the
        // instance gets their traffic.
        for (const route of ["/api/v1/meetings?limit=1", "/api/v1/meetings/1", "/api/v1/actions/1", "/api/v1/board/move"])
          await (await fetch(`${server.url}${route}`, { headers: { authorization: `Bearer ${token}` } })).text();
        servers[i] = server;
        return server;
      },
      async query<R extends pg.QueryResultRow>(text: string, args: unknown[] = []) {
        const c = new pg.Client({ connectionString: cluster.url });
        await c.connect();
        try {
          return (await c.query<R>(text, args)).rows;
        } finally {
          await c.end();
        }
      },
      stop,
    };
    for (let i = 0; i < instances; i++) await rig.start(i);
    return rig;
  } catch (e) {
    await stop();
    throw e;
  }
}
