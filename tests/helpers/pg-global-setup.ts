import { startCluster } from "@/scripts/pg-cluster";

// Vitest globalSetup: one throwaway cluster for the whole run; test files make their own
// databases in it (tests/helpers/pg.ts). Workers inherit PG_TEST_URL from this process.
export default async function setup(): Promise<() => void> {
  if (process.env.PG_TEST_URL) return () => {};
  const cluster = await startCluster({ fast: true });
  process.env.PG_TEST_URL = cluster.url;
  return () => cluster.stop();
}
