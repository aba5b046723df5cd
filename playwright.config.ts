import { defineConfig, devices } from "@playwright/test";
import { launchOptions } from "./e2e/fixtures/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /fixtures\/auth\.setup\.ts/ },
    // Specs that assert the untouched demo data run before any spec that adds records.
    { name: "demo-data", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testMatch: /e2e\/(partners|timeline)\/.*\.spec\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["demo-data"],
      testIgnore: [/fixtures\//, /e2e\/(partners|timeline)\//],
    },
  ],
  webServer: {
    // Prepares a fresh test database, builds when stale, and serves the production build.
    command: `npx tsx e2e/fixtures/serve.ts`,
    url: `http://localhost:${PORT}/login`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(PORT), DATABASE_URL: "test-results/e2e.db", BETTER_AUTH_URL: `http://localhost:${PORT}`, BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123" },
  },
});
