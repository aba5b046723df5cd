import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The reliability suite: fuzzing, crash and concurrency tests against the production server.
export default mergeConfig(
  base,
  defineConfig({
    test: { include: ["tests/reliability/server/**/*.test.ts"], exclude: ["**/node_modules/**"], testTimeout: 600_000, hookTimeout: 180_000, fileParallelism: false },
  }),
);
