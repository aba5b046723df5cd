import path from "node:path";
import { defineConfig } from "vitest/config";

/** The project's import paths, shared with vitest.reliability.config.mts. */
export const resolve = {
  alias: {
    "@": path.resolve(import.meta.dirname),
    // Server modules import "server-only", which throws outside React's server build.
    "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
  },
};

export default defineConfig({
  resolve,
  test: {
    include: ["tests/**/*.test.ts"],
    // These start the production server: `npm run test:reliability` runs them after a build.
    exclude: ["tests/reliability/server/**", "**/node_modules/**"],
    environment: "node",
    // One throwaway PostgreSQL cluster for the run (initdb in a temp folder, a free port,
    // stopped and deleted at the end); the PostgreSQL tests make their databases in it.
    globalSetup: ["tests/helpers/pg-global-setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
