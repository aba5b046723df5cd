import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startCluster } from "@/scripts/pg-cluster";

const tempClusters = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith("bridgehead-pg-"));

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

describe("[PG] throwaway cluster", () => {
  it("starts PostgreSQL 15+ on 127.0.0.1 with a database, and leaves nothing once stopped", async () => {
    const cluster = await startCluster({ fast: true });
    try {
      expect(cluster.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:544\d\/bridgehead$/);
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      const { rows } = await client.query<{ v: string; l: string; d: string }>(
        "select current_setting('server_version_num') v, current_setting('listen_addresses') l, current_database() d",
      );
      await client.end();
      expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(150000);
      expect(rows[0]!.l).toBe("127.0.0.1");
      expect(rows[0]!.d).toBe("bridgehead");
      const other = await cluster.createDatabase("second_db");
      expect(other).toBe(cluster.url.replace(/bridgehead$/, "second_db"));
    } finally {
      cluster.stop();
    }
    expect(fs.existsSync(cluster.dir)).toBe(false);
    expect(await canConnect(cluster.port)).toBe(false);
  });

  it("reconnects after a restart on the same port", async () => {
    const cluster = await startCluster({ fast: true });
    try {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      await client.query("create table t (x int); insert into t values (1)");
      await client.end();
      await cluster.restart();
      const again = new pg.Client({ connectionString: cluster.url });
      await again.connect();
      expect((await again.query("select x from t")).rows).toEqual([{ x: 1 }]);
      await again.end();
    } finally {
      cluster.stop();
    }
  });

  it("fails with a clear message and leaves no folder when no port is free", async () => {
    const before = tempClusters();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(5449, "127.0.0.1", r));
    try {
      await expect(startCluster({ ports: [5449, 5449] })).rejects.toThrow(/No free port for PostgreSQL in 5449-5449/);
    } finally {
      blocker.close();
    }
    expect(tempClusters()).toEqual(before);
  });
});
