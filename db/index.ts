import "server-only";
import { openDb, type Db } from "./client";

// One connection per process, opened on first use (never at module load, so `next build`
// does not touch the database). Kept on globalThis so dev-mode reloads reuse it.
const g = globalThis as unknown as { __bridgeheadDb?: Db };

export function getDb(): Db {
  g.__bridgeheadDb ??= openDb();
  return g.__bridgeheadDb;
}

export type { Db, Tx } from "./client";
