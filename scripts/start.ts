// `npm start`: migrate and seed, build when the build is missing or older than the source,
// then serve on PORT (default 3000).
import { spawn } from "node:child_process";
import { checkFonts } from "@/server/export/fonts";
import { ensureBuild, serveCommand } from "./build";
import { readMailConfig } from "@/lib/notifications/mail-config";
import { closeDb } from "@/db/client";
import { prepareDatabase } from "./prepare-db";

async function main() {
  // A bad SMTP_URL or MAIL_FROM stops the start here, with a message naming the variable.
  const mail = readMailConfig();
  const db = await prepareDatabase();
  await closeDb(db);
  ensureBuild();
  // PDF exports need the fonts npm installs; saying so now beats a failed first export.
  try {
    checkFonts();
  } catch (e) {
    console.warn(`PDF exports will fail until this is fixed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const port = process.env.PORT ?? "3000";
  console.log(`Serving Bridgehead on http://localhost:${port}${mail ? ` (mail through ${mail.host})` : " (notification mail off: SMTP_URL not set)"}`);
  const child = spawn(...serveCommand(port), { stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
