// `npm run backup [FILE]`: a consistent online copy of the database (SQLite's backup API), safe
// while the server is writing. Default FILE: data/backups/bridgehead-<time>.db beside the database.
import path from "node:path";
import { backupDatabase } from "@/db/backup";
import { resolveDatabasePath } from "@/db/client";
import { runMain } from "./run-main";

async function main(): Promise<number> {
  const source = resolveDatabasePath();
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "").replace("T", "-");
  const dest = path.resolve(process.argv[2] ?? path.join(path.dirname(source), "backups", `bridgehead-${stamp}.db`));
  const t0 = Date.now();
  const check = await backupDatabase(source, dest);
  if (!check.ok) {
    console.error(`Backup written to ${dest} but it does not check out: ${check.problems.join(" ")}`);
    return 1;
  }
  console.log(`Backed up ${source} to ${dest} in ${Date.now() - t0} ms (integrity ok).`);
  return 0;
}

runMain(main);
