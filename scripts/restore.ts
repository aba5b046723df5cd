// `npm run restore FILE`: checks FILE (integrity, a Bridgehead database, not from a newer
// version), keeps the current database beside it, restores FILE and migrates it forward.
// Stop the server first.
import path from "node:path";
import { restoreDatabase } from "@/db/backup";
import { resolveDatabasePath } from "@/db/client";
import { runMain } from "./run-main";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: npm run restore FILE");
    return 2;
  }
  const target = resolveDatabasePath();
  const { check, keptAs } = await restoreDatabase(path.resolve(file), target);
  if (!check.ok) {
    console.error(`Not restored: ${check.problems.join(" ")}`);
    return 1;
  }
  console.log(`Restored ${file} to ${target} (integrity ok, migrated to the current schema).`);
  if (keptAs) console.log(`The database it replaced is kept as ${keptAs}.`);
  return 0;
}

runMain(main);
