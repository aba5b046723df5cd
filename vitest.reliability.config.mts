import { defineConfig } from "vitest/config";
import { resolve } from "./vitest.config.mts";

// The reliability suite: fuzzing, crash and concurrency tests against the production server.
export default defineConfig({
  resolve,
  test: {
    include: ["tests/reliability/server/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 180_000,
  },
});
