// Starts the production build against a database file, for the reliability suite and the
// benchmarks. The build must exist (`npm test` runs the reliability suite after the e2e suite built it).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, openDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { createApiToken } from "@/db/queries/tokens";
import { SYSTEM_ACTOR } from "@/db/audit";

export function tempDbFile(name = "reliability.db"): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bh-rel-")), name);
}

/** A migrated, seeded database with an editor token for the HTTP API. */
export async function preparedDb(file: string): Promise<{ token: string }> {
  const db = openDb(file);
  await runMigrations(db);
  await seedDemo(db);
  const { token } = await createApiToken(db, SYSTEM_ACTOR, { name: "reliability", role: "editor" });
  await closeDb(db);
  return { token };
}

/** Servers of the suite listen on RELIABILITY_PORT (default 3190) + offset, so parallel runs can be moved apart. */
export function reliabilityPort(offset: number): number {
  return Number(process.env.RELIABILITY_PORT ?? 3190) + offset;
}

export interface Server {
  url: string;
  proc: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** `wrap` runs the server under another program, e.g. `["strace", "-f", …]`. */
export async function startServer(file: string, port: number, opts: { wrap?: string[] } = {}): Promise<Server> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npx next build` (npm test builds it in the e2e step).");
  const cmd = [...(opts.wrap ?? []), path.resolve("node_modules/.bin/next"), "start", "-p", String(port)];
  const proc = spawn(cmd[0]!, cmd.slice(1), {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: file, PORT: String(port), BETTER_AUTH_SECRET: "reliability-secret-reliability-secret", BETTER_AUTH_URL: `http://localhost:${port}`, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: false,
  });
  let stderr = "";
  proc.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (; ;) {
    if (proc.exitCode !== null) throw new Error(`Server exited: ${stderr}`);
    try {
      const r = await fetch(`${url}/login`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Server did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // A wrapper such as strace ignores SIGTERM while it traces: signal the server it started instead.
  const target = () => (opts.wrap ? Number(fs.readFileSync(`/proc/${proc.pid}/task/${proc.pid}/children`, "utf8").trim().split(" ")[0]) : proc.pid!);
  const stop = (signal: NodeJS.Signals = "SIGTERM") =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once("exit", () => resolve());
      process.kill(target(), signal);
    });
  return { url, proc, stop };
}
