import crypto from "node:crypto";
import { startCluster, type PgCluster } from "@/scripts/pg-cluster";

// Each test file gets fresh databases on one cluster: the one a globalSetup or
// `tsx scripts/pg-cluster.ts -- …` started (PG_TEST_URL), else its own (stopOwnCluster in afterAll).
let own: Promise<PgCluster> | undefined;

/** A fresh, empty PostgreSQL database; its URL. */
export async function freshPgDatabase(prefix = "t", template?: string): Promise<string> {
  const name = `${prefix}_${crypto.randomBytes(5).toString("hex")}`;
  const shared = process.env.PG_TEST_URL;
  if (shared) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: shared });
    await client.connect();
    try {
      await client.query(`create database ${name}${template ? ` template ${template}` : ""}`);
    } finally {
      await client.end();
    }
    const u = new URL(shared);
    u.pathname = `/${name}`;
    return u.toString();
  }
  own ??= startCluster({ fast: true });
  return (await own).createDatabase(name);
}

/** For the file's afterAll: stops the cluster this file started, if it did. */
export async function stopOwnCluster(): Promise<void> {
  const c = own;
  own = undefined;
  (await c)?.stop();
}
