import pg from "pg";
import { startCluster } from "@/scripts/pg-cluster";

// Vitest globalSetup of `vitest.pg.config.mts`: the whole suite on PostgreSQL. One throwaway
// cluster (or PG_TEST_URL's), DATABASE_URL pointing at it so that db/schema.ts picks the
// PostgreSQL tables in every worker, and a migrated template database that each test's fresh
// database is copied from (tests/helpers/db.ts), which is much faster than migrating each one.
export const TEMPLATE = "bh_template";

export default async function setup(): Promise<() => void> {
  let stop = () => {};
  if (!process.env.PG_TEST_URL) {
    const cluster = await startCluster({ fast: true });
    process.env.PG_TEST_URL = cluster.url;
    stop = () => cluster.stop();
  }
  const shared = process.env.PG_TEST_URL;
  process.env.DATABASE_URL = shared;
  // PostgreSQL keeps no secret file; instances (and tests) share BETTER_AUTH_SECRET.
  process.env.BETTER_AUTH_SECRET ??= "postgres-run-secret-postgres-run-secret";
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE}`);
    await admin.query(`create database ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const u = new URL(shared);
  u.pathname = `/${TEMPLATE}`;
  const { openDb, closeDb } = await import("@/db/client");
  const { runMigrations } = await import("@/db/migrate");
  const db = openDb(u.toString());
  await runMigrations(db);
  await closeDb(db);
  process.env.PG_TEMPLATE_DB = TEMPLATE;
  // What the app opens by itself (getDb(), better-auth) in a test that does not set its own:
  // a migrated copy, as `:memory:` is a migrated database in the SQLite run's tests.
  const own = new pg.Client({ connectionString: shared });
  await own.connect();
  try {
    await own.query(`drop database if exists bh_app`);
    await own.query(`create database bh_app template ${TEMPLATE}`);
  } finally {
    await own.end();
  }
  u.pathname = "/bh_app";
  process.env.DATABASE_URL = u.toString();
  return stop;
}
