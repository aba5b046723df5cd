// Migrates the database, seeds the demo data on an empty one, and creates the first admin.
// Run by `npm start` before the server starts; `--no-seed` only migrates.
import crypto from "node:crypto";
import { openDb, resolveDatabasePath, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { SYSTEM_ACTOR } from "@/db/audit";
import { countUsers, createUser } from "@/db/queries/users";

export async function prepareDatabase(opts: { seed?: boolean } = {}): Promise<Db> {
  const db = openDb();
  await runMigrations(db);
  if (opts.seed !== false && (await seedDemo(db))) console.log("Seeded the demo data (shared/source article).");
  if ((await countUsers(db)) === 0) {
    const email = (process.env.ADMIN_EMAIL ?? "admin@bridgehead.local").toLowerCase();
    const given = process.env.ADMIN_PASSWORD;
    const password = given ?? crypto.randomBytes(12).toString("base64url");
    await createUser(db, SYSTEM_ACTOR, { email, name: "Administrator", role: "admin", password });
    console.log("\n  First administrator created.");
    console.log(`    email:    ${email}`);
    console.log(given ? "    password: (from ADMIN_PASSWORD)" : `    password: ${password}   <- shown once; change it after signing in`);
    console.log("");
  }
  return db;
}

if (process.argv[1]?.endsWith("prepare-db.ts")) {
  prepareDatabase({ seed: !process.argv.includes("--no-seed") })
    .then((db) => {
      db.$client.close();
      console.log(`Database ready: ${resolveDatabasePath()}`);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
