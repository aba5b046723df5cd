import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The Vitest suite again, on PostgreSQL: DATABASE_URL names a throwaway cluster, so db/schema.ts
// picks the PostgreSQL tables and tests/helpers/db.ts gives each test a fresh PostgreSQL database.
// Tests that are about SQLite itself (its files, pragmas, FTS5, backup) are left to the SQLite run.
export default mergeConfig(base, {
  test: {
    globalSetup: ["tests/helpers/pg-engine-setup.ts"],
  },
});
