import { defineConfig, devices } from "@playwright/test";
import { launchOptions } from "./e2e/fixtures/browser";
import { INSTANCES } from "./e2e-pg/fixtures/instances";

// The smoke suite on PostgreSQL through two app instances (`npm run test:e2e:pg`). Its global
// setup starts the cluster and both servers itself; the specs say which instance each step uses.

export default defineConfig({
  testDir: "e2e-pg",
  testIgnore: /fixtures\//,
  outputDir: "test-results/e2e-pg",
  globalSetup: "./e2e-pg/fixtures/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: INSTANCES.A.url,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
});
