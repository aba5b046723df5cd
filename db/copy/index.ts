import crypto from "node:crypto";
import { CopyRefused, describeLocation, openEnd, tablesInFkOrder, type End, type Location, type Row } from "./endpoints";

// `npm run db:copy`: every table from one database into an empty one, SQLite or PostgreSQL either
// way, in one transaction on the target. Rows keep their ids, versions and timestamps; the audit
// trail and the search index come along as they are. Before committing, every table is read back
// from the target and its row count and checksum compared with the source's.

export { CopyRefused, parseLocation, describeLocation, type Location } from "./endpoints";

export type TableReport = { table: string; source: number; target: number; sourceSum: string; targetSum: string; ok: boolean };

/** The copy did not match its source; the target was left as it was (exit code 1). */
export class CopyMismatch extends Error {
  constructor(readonly report: TableReport[]) {
    super(`Copy does not match its source (${report.filter((r) => !r.ok).map((r) => r.table).join(", ")}): nothing was written.`);
  }
}

/** Values as the app sees them, in one text form on both engines: Dates as instants, JSON keys sorted. */
function canon(v: unknown): unknown {
  if (v instanceof Date) return { $instant: v.getTime() };
  if (Array.isArray(v)) return v.map(canon);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Row)[k])]));
  return v;
}

class TableSum {
  private hash = crypto.createHash("sha256");
  rows = 0;
  add(rows: Row[]) {
    for (const r of rows) this.hash.update(JSON.stringify(Object.keys(r).sort().map((k) => [k, canon(r[k])])) + "\n");
    this.rows += rows.length;
  }
  digest() {
    return this.hash.digest("hex").slice(0, 16);
  }
}

/** The search index is keyed differently on each engine (rowid, or type and id): summed, so order does not count. */
class SetSum {
  private sum = 0n;
  rows = 0;
  add(items: unknown[]) {
    for (const x of items) this.sum = (this.sum + BigInt(`0x${crypto.createHash("sha256").update(JSON.stringify(x)).digest("hex")}`)) % 2n ** 256n;
    this.rows += items.length;
  }
  digest() {
    return this.sum.toString(16).padStart(64, "0").slice(0, 16);
  }
}

export type Progress = (table: string, done: number, total: number) => void;

/** Rows a statement: 750 × the widest table's 19 columns stays well under SQLite's 32,766 parameters. */
const BATCH = 750;

async function refuseUnlessReady(src: End, dst: End, from: Location, to: Location): Promise<Map<string, number>> {
  const s = await src.migrations();
  if (!s.applied) throw new CopyRefused(`${describeLocation(from)}: not a Bridgehead database (no migrations applied).`);
  if (s.applied.some((m) => !s.known.includes(m)))
    throw new CopyRefused(`${describeLocation(from)} comes from a newer version of Bridgehead than this one: upgrade the app first.`);
  if (s.known.some((m) => !s.applied!.includes(m)))
    throw new CopyRefused(`${describeLocation(from)} is not fully migrated: run \`DATABASE_URL=<it> npm run db:migrate\` first.`);
  const t = await dst.migrations();
  if (t.applied?.some((m) => !t.known.includes(m)))
    throw new CopyRefused(`${describeLocation(to)} comes from a newer version of Bridgehead than this one: upgrade the app first.`);
  const full = [...(await dst.counts())].find(([, n]) => n > 0);
  if (full) throw new CopyRefused(`${describeLocation(to)} is not empty (${full[0]} has ${full[1]} rows): copy into a new database.`);
  return src.counts();
}

export async function copyDatabase(from: Location, to: Location, progress: Progress = () => {}): Promise<TableReport[]> {
  if (describeLocation(from) === describeLocation(to)) throw new CopyRefused("--from and --to are the same database.");
  const src = await openEnd(from, "source");
  let dst: End | undefined;
  try {
    dst = await openEnd(to, "target");
    const totals = await refuseUnlessReady(src, dst, from, to);
    await dst.begin();
    const sums = new Map<string, TableSum | SetSum>();
    for (const table of tablesInFkOrder()) {
      const sum = new TableSum();
      try {
        for await (const rows of src.readRows(table, BATCH)) {
          await dst.insertRows(table, rows);
          sum.add(rows);
          progress(table, sum.rows, totals.get(table) ?? 0);
        }
      } catch (e) {
        // Say which table refused which row (a NUL in a text, an id out of range…); nothing is committed.
        const cause = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
        throw new Error(`${table}, after ${sum.rows} rows: ${cause.split("\n")[0]}. Nothing was written.`);
      }
      sums.set(table, sum);
    }
    const search = new SetSum();
    for await (const rows of src.readSearch(1000)) {
      await dst.insertSearch(rows);
      search.add(rows.map((r) => [r.recordType, r.recordId, r.body]));
      progress("search_index", search.rows, totals.get("search_index") ?? 0);
    }
    sums.set("search_index", search);
    await dst.afterCopy();

    const report: TableReport[] = [];
    for (const [table, sum] of sums) {
      const back = table === "search_index" ? new SetSum() : new TableSum();
      if (back instanceof SetSum) for await (const rows of dst.readSearch(1000)) back.add(rows.map((r) => [r.recordType, r.recordId, r.body]));
      else for await (const rows of dst.readRows(table, BATCH)) back.add(rows);
      const [a, b] = [sum.digest(), back.digest()];
      report.push({ table, source: sum.rows, target: back.rows, sourceSum: a, targetSum: b, ok: sum.rows === back.rows && a === b && sum.rows === totals.get(table) });
    }
    if (report.some((r) => !r.ok)) throw new CopyMismatch(report);
    await dst.commit();
    return report;
  } finally {
    // After a commit this only closes; before one it rolls back and removes what was half-made.
    await dst?.abort().catch(() => {});
    await src.abort();
  }
}
