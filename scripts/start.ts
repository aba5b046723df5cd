// `npm start`: migrate and seed, build when the build is missing or older than the source,
// then serve on PORT (default 3000). With a fresh build the server boots during the migration.
import { spawn, type ChildProcess } from "node:child_process";
import { checkFonts } from "@/server/export/fonts";
import { AWAIT_DATABASE_ENV, DATABASE_READY, buildIsStale, ensureBuild, serveCommand } from "./build";
import { readMailConfig } from "@/lib/notifications/mail-config";
import { closeDb } from "@/db/client";
import { prepareDatabase } from "./prepare-db";

async function main() {
  // A bad SMTP_URL or MAIL_FROM stops the start here, with a message naming the variable.
  const mail = readMailConfig();
  const port = process.env.PORT ?? "3000";
  // A built app boots while the database is migrated: on two cores the two together take about
  // as long as the server's boot alone. The server listens only once the database is ready.
  let server = buildIsStale() ? null : startServer(port);
  let db;
  try {
    db = await prepareDatabase();
  } catch (e) {
    server?.kill("SIGTERM");
    throw e;
  }
  await closeDb(db);
  if (!server) {
    ensureBuild();
    server = startServer(port);
  }
  // PDF exports need the fonts npm installs; saying so now beats a failed first export.
  try {
    checkFonts();
  } catch (e) {
    console.warn(`PDF exports will fail until this is fixed: ${e instanceof Error ? e.message : String(e)}`);
  }
  console.log(`Serving Bridgehead on http://localhost:${port}${mail ? ` (mail through ${mail.host})` : " (notification mail off: SMTP_URL not set)"}`);
  server.send(DATABASE_READY);
}

/** The server (scripts/next-server.ts), told over IPC when the database is ready. */
function startServer(port: string): ChildProcess {
  const [cmd, args] = serveCommand(port);
  const child = spawn(cmd, args, { stdio: ["inherit", "inherit", "inherit", "ipc"], env: { ...process.env, [AWAIT_DATABASE_ENV]: "1" } });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
  return child;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
