// Migrates the database, seeds the demo data on an empty one, and creates the first admin.
// Run by `npm start` before the server starts; `--no-seed` only migrates.
import crypto from "node:crypto";
import { closeDb, describeDatabase, openDb, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { authSecret } from "@/server/auth/secret";
import { seedDemo } from "@/db/seed";
import { SYSTEM_ACTOR } from "@/db/audit";
import { countUsers, createUser } from "@/db/queries/users";

/** What a failure to reach PostgreSQL means, in one line that names the variable. */
function connectionProblem(e: unknown): string | null {
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  const where = describeDatabase();
  const problems: Record<string, string> = {
    ECONNREFUSED: `nothing answers at DATABASE_URL (${where}): is PostgreSQL running there?`,
    ENOTFOUND: `the host in DATABASE_URL (${where}) is not known.`,
    ETIMEDOUT: `the server in DATABASE_URL (${where}) did not answer in time.`,
    "28P01": `PostgreSQL refused the user name or password in DATABASE_URL (${where}).`,
    "28000": `PostgreSQL refused the connection for DATABASE_URL (${where}): check pg_hba.conf and the user.`,
    "3D000": `the database named in DATABASE_URL (${where}) does not exist: create it (createdb) first.`,
  };
  return code ? (problems[code] ?? null) : null;
}

export async function prepareDatabase(opts: { seed?: boolean } = {}): Promise<Db> {
  // Said at start rather than as a failed first sign-in.
  authSecret();
  const db = openDb();
  try {
    await runMigrations(db);
  } catch (e) {
    const problem = connectionProblem(e);
    if (problem) {
      await closeDb(db).catch(() => undefined);
      throw new Error(`Cannot open the database: ${problem}`);
    }
    throw e;
  }
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
    .then(async (db) => {
      await closeDb(db);
      console.log(`Database ready: ${describeDatabase()}`);
    })
    .catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
