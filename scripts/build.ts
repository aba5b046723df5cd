import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Nothing phones home: Next.js telemetry is off for every build and server this starts.
process.env.NEXT_TELEMETRY_DISABLED = "1";

const root = process.cwd();
const SOURCES = ["app", "components", "server", "lib", "db", "drizzle", "i18n", "messages", "public", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json", "postcss.config.mjs"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

export function buildIsStale(): boolean {
  const id = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

export const nextBin = path.join(root, "node_modules", ".bin", "next");

/** Set for a server that must wait for DATABASE_READY over IPC before it listens (scripts/start.ts). */
export const AWAIT_DATABASE_ENV = "BRIDGEHEAD_AWAIT_DATABASE";
export const DATABASE_READY = "database-ready";

/** `next start` with the client's address resolved (scripts/next-server.ts): command and arguments. */
export function serveCommand(port: string): [string, string[]] {
  return [path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "next-server.ts"), port]];
}

/** Runs `next build` when the build is missing or older than the source; exits on failure. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  console.log("Building (the build is missing or older than the source)…");
  const r = spawnSync(nextBin, ["build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[1]?.endsWith("build.ts")) ensureBuild();
