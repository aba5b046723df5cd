import { mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The Vitest suite again, on PostgreSQL: DATABASE_URL names a throwaway cluster, so db/schema.ts
// picks the PostgreSQL tables and tests/helpers/db.ts gives each test a fresh PostgreSQL database.
// Tests that are about SQLite itself (its files, pragmas, FTS5, backup) are left to the SQLite run.
export default mergeConfig(base, {
  test: {
    globalSetup: ["tests/helpers/pg-engine-setup.ts"],
    // Each test's database is a copy of the template and each statement a round trip: slower than
    // in-memory SQLite, most of all on a shared machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    exclude: [
      "tests/reliability/server/**",
      "**/node_modules/**",
      // About SQLite's own machinery, or about both engines at once (run once, in the SQLite run):
      "tests/db/transactions.test.ts", // the one-connection gate (PostgreSQL's transactions are the server's)
      "tests/db/db-copy.test.ts",
      "tests/db/schema-drift.test.ts",
      "tests/db/search-pg.test.ts",
      "tests/db/pg-cluster.test.ts",
      "tests/db/database-url.test.ts",
      "tests/reliability/backup.test.ts", // SQLite's file backup; PostgreSQL's is pg_dump
      "tests/reports/stream.test.ts", // the read-only second SQLite connection
      "tests/notifications/query-plan.test.ts", // EXPLAIN QUERY PLAN
    ],
  },
});
