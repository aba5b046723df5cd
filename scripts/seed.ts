// `npm run db:seed`: demo data on an empty database (a no-op otherwise).
// `npm run db:seed -- --demo-scale N [--seed S]`: adds N synthetic meetings with their
// participants and actions, and N/10 visits, deterministic from S, for load tests and benchmarks.
// On PostgreSQL the bulk seed cannot run in place (it writes through SQLite's prepared
// statements): it fills a temporary SQLite file and copies it in with db:copy (scripts/seed-pg.ts).
import { closeDb, openDb } from "@/db/client";
import { engineOf } from "@/db/engine";
import { runMigrations } from "@/db/migrate";
import { seedDemo, seedScale } from "@/db/seed";
import { seedScaleOnPostgres } from "./seed-pg";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The --demo-scale and --seed arguments, checked before anything is opened. */
function scaleArgs(): { n: number; seed: number } | undefined {
  const scale = arg("--demo-scale");
  if (scale === undefined) return undefined;
  const n = Number(scale);
  if (!Number.isInteger(n) || n < 1 || n > 5_000_000) throw new Error("--demo-scale needs a whole number from 1 to 5000000.");
  const seed = Number(arg("--seed") ?? "1");
  if (!Number.isInteger(seed)) throw new Error("--seed needs a whole number.");
  return { n, seed };
}

async function main() {
  const scale = scaleArgs();
  if (scale && engineOf() === "pg") {
    await seedScaleOnPostgres(process.env.DATABASE_URL!, scale.n, scale.seed);
    return;
  }
  const db = openDb();
  await runMigrations(db);
  console.log((await seedDemo(db)) ? "Seeded the demo data." : "Demo data already present: nothing to do.");
  if (scale) {
    const t0 = Date.now();
    const r = await seedScale(db, scale.n, scale.seed);
    console.log(`Added ${r.meetings} meetings, ${r.actions} actions and ${r.visits} visits in ${((Date.now() - t0) / 1000).toFixed(1)} s (seed ${scale.seed}; rows and indexes ${r.seconds.rows} s, search index ${r.seconds.search} s).`);
  }
  await closeDb(db);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
