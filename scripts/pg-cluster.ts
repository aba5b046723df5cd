// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp folder, pg_ctl on a
// free port on 127.0.0.1 (its unix socket inside the folder), one database, and on stop the
// server ends and the folder is deleted. No system service is used or touched.
//
//   tsx scripts/pg-cluster.ts                 prints the URL, runs until Ctrl-C or SIGTERM
//   tsx scripts/pg-cluster.ts -- cmd args...  runs the command with DATABASE_URL (and PG_TEST_URL)
//                                             set to the cluster, then stops it; exits with its code
//
// Ports come from PG_CLUSTER_PORTS ("5440-5449" unless set). Binaries from PG_BIN, else the newest
// /usr/lib/postgresql/<15 or newer>/bin (Debian's `postgresql` package: scripts/system-deps.sh).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type PgCluster = {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  dir: string;
  /** Another empty database in the same cluster; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops and starts the server on the same port and data (a server restart, as in production). */
  restart(): Promise<void>;
  /** Stops the server (pg_ctl stop -m fast), keeping its data and port, until up(). */
  down(): void;
  /** Starts the server that down() stopped, on the same port and data. */
  up(): void;
  /** Stops the server and deletes the folder; safe to call twice. */
  stop(): void;
};

export type ClusterOptions = {
  database?: string;
  /** Inclusive port range to pick a free port from. */
  ports?: [number, number];
  /** fsync and synchronous_commit off: faster, for tests that never crash the machine. */
  fast?: boolean;
  /** Where the temp folder is made (the system's temp folder unless set). */
  parent?: string;
};

export function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .map(Number)
        .filter((v) => v >= 15 && fs.existsSync(path.join(root, String(v), "bin", "initdb")))
        .sort((a, b) => b - a)
    : [];
  if (!versions.length) throw new Error("PostgreSQL 15 or newer is not installed: run `bash scripts/system-deps.sh` (Debian package `postgresql`).");
  return path.join(root, String(versions[0]), "bin");
}

function portRange(): [number, number] {
  const m = /^(\d+)-(\d+)$/.exec(process.env.PG_CLUSTER_PORTS ?? "5440-5449");
  if (!m) throw new Error("PG_CLUSTER_PORTS must look like 5440-5449.");
  return [Number(m[1]), Number(m[2])];
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

const isRoot = process.getuid?.() === 0;

/** initdb refuses root: as root the server's tools run as the `postgres` user. */
function asOwner(bin: string, args: string[]): [string, string[]] {
  return isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

function run(bin: string, args: string[]): void {
  const [cmd, argv] = asOwner(bin, args);
  const r = spawnSync(cmd, argv, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
}

/** Starts a fresh cluster. On any failure nothing is left running and the folder is gone. */
export async function startCluster(opts: ClusterOptions = {}): Promise<PgCluster> {
  const bin = pgBinDir();
  const database = opts.database ?? "bridgehead";
  const [lo, hi] = opts.ports ?? portRange();
  const ports = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const free = async () => (await Promise.all(ports.map(async (p) => ((await portFree(p)) ? p : 0)))).filter(Boolean);
  // Checked before initdb too, so a full range fails in milliseconds, not after a cluster is made.
  if (!(await free()).length) throw new Error(`No free port for PostgreSQL in ${lo}-${hi}.`);
  const dir = fs.mkdtempSync(path.join(opts.parent ?? os.tmpdir(), "bridgehead-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
  }
  let started = false;
  let watchdog: ReturnType<typeof spawn> | undefined;
  const pgCtl = path.join(bin, "pg_ctl");
  const stop = () => {
    if (started) spawnSync(...asOwner(pgCtl, ["stop", "-D", data, "-m", "immediate", "-w"]), { stdio: "ignore" });
    started = false;
    watchdog?.kill();
    watchdog = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
    process.off("exit", stop);
  };
  process.on("exit", stop);
  try {
    // C.UTF-8: byte order like SQLite's BINARY, and the text-search parser classifies every script.
    run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    const settings = ["listen_addresses='127.0.0.1'", `unix_socket_directories='${dir}'`, "max_connections=100"];
    if (opts.fast) settings.push("fsync=off", "synchronous_commit=off", "full_page_writes=off");
    fs.appendFileSync(data + "/postgresql.conf", `\n${settings.join("\n")}\n`);
    let port = 0;
    for (const p of await free()) {
      if (started) break;
      const [cmd, argv] = asOwner(pgCtl, ["start", "-D", data, "-l", log, "-w", "-t", "30", "-o", `-p ${p}`]);
      // Another process may take the port between the check and the start: then try the next one.
      if (spawnSync(cmd, argv, { stdio: "ignore" }).status === 0) {
        started = true;
        port = p;
      }
    }
    if (!started) throw new Error(`No free port for PostgreSQL in ${lo}-${hi}.${fs.existsSync(log) ? `\n${fs.readFileSync(log, "utf8").slice(-800)}` : ""}`);
    fs.appendFileSync(data + "/postgresql.conf", `port=${port}\n`);
    // If this process is killed outright (no exit handler runs), the watchdog stops the server.
    watchdog = spawn(
      "sh",
      ["-c", `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ${asOwner(pgCtl, []).flat().join(" ")} stop -D '${data}' -m immediate; rm -rf '${dir}'`],
      { detached: true, stdio: "ignore" },
    );
    watchdog.unref();
    const base = `postgres://postgres@127.0.0.1:${port}`;
    const createDatabase = async (name: string) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a database name: ${name}`);
      run(path.join(bin, "createdb"), ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name]);
      return `${base}/${name}`;
    };
    const url = await createDatabase(database);
    const restart = async () => {
      run(pgCtl, ["restart", "-D", data, "-l", log, "-w", "-t", "30", "-m", "fast"]);
    };
    const down = () => run(pgCtl, ["stop", "-D", data, "-w", "-t", "30", "-m", "fast"]);
    const up = () => run(pgCtl, ["start", "-D", data, "-l", log, "-w", "-t", "30"]);
    return { url, port, dir, createDatabase, restart, down, up, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

async function main(argv: string[]): Promise<number> {
  const sep = argv.indexOf("--");
  const command = sep >= 0 ? argv.slice(sep + 1) : [];
  const cluster = await startCluster({ fast: argv.includes("--fast") });
  const onSignal = (code: number) => () => {
    cluster.stop();
    process.exit(code);
  };
  process.on("SIGINT", onSignal(130));
  process.on("SIGTERM", onSignal(143));
  process.on("SIGHUP", onSignal(129));
  if (!command.length) {
    console.log(cluster.url);
    // A pending promise alone does not keep Node running: this timer does, until a signal.
    setInterval(() => {}, 1 << 30);
    return new Promise<never>(() => {});
  }
  const child = spawn(command[0]!, command.slice(1), {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: cluster.url, PG_TEST_URL: cluster.url },
  });
  const code = await new Promise<number>((resolve) => {
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
    child.on("error", (e) => {
      console.error(e.message);
      resolve(127);
    });
  });
  cluster.stop();
  return code;
}

if (process.argv[1]?.endsWith("pg-cluster.ts")) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
