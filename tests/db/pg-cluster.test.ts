import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { pgBinDir, startCluster } from "@/scripts/pg-cluster";

// Clusters of other test files come and go meanwhile: these tests make theirs in a folder of their own.
const parent = fs.mkdtempSync(path.join(os.tmpdir(), "bridgehead-pg-test-"));
// The server runs as the postgres user when the tests run as root: it must reach the folder.
fs.chmodSync(parent, 0o755);
const tempClusters = () => fs.readdirSync(parent).filter((f) => f.startsWith("bridgehead-pg-"));
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

describe("[PG] throwaway cluster", () => {
  it("starts PostgreSQL 15+ on 127.0.0.1 with a database, and leaves nothing once stopped", async () => {
    const cluster = await startCluster({ fast: true, parent });
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
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(5449, "127.0.0.1", r));
    try {
      await expect(startCluster({ ports: [5449, 5449], parent })).rejects.toThrow(/No free port for PostgreSQL in 5449-5449/);
    } finally {
      blocker.close();
    }
    expect(tempClusters()).toEqual([]);
  });
});

describe("[PG] the shell wrapper", () => {
  it("runs a command against the cluster, passes its exit code on, and cleans up", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/pg-cluster.ts", "--fast", "--", "sh", "-c", `"${path.join(pgBinDir(), "psql")}" "$PG_TEST_URL" -Atc "select current_database()"; exit 3`],
      { encoding: "utf8", timeout: 60_000, env: { ...process.env, TMPDIR: parent } },
    );
    expect(r.stdout.trim()).toBe("bridgehead");
    expect(r.status).toBe(3);
    expect(tempClusters()).toEqual([]);
  });
});
