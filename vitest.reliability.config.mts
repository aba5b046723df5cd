import path from "node:path";
import { defineConfig } from "vitest/config";

// The reliability suite: fuzzing, crash and concurrency tests against the production server.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only.ts"),
    },
  },
  test: {
    include: ["tests/reliability/server/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 180_000,
  },
});
