// `npm run db:copy -- --from <sqlite file | file: URL | postgres URL> --to <…>`: moves an office's
// data between SQLite and PostgreSQL (either way) into an empty database; see db/copy/.
// Exit codes: 0 copied and verified, 1 the copy failed or did not verify (nothing written),
// 2 refused before writing (bad argument or URL, unreachable server, newer or non-empty database).
import { parseArgs } from "node:util";
import { copyDatabase, CopyMismatch, CopyRefused, describeLocation, parseLocation, type TableReport } from "@/db/copy";

const USAGE = "usage: npm run db:copy -- --from <sqlite file | file: URL | postgres:// URL> --to <…>";

function table(report: TableReport[]): string {
  const w = Math.max(...report.map((r) => r.table.length));
  return report
    .map((r) => `${r.table.padEnd(w)}  ${String(r.source).padStart(9)} → ${String(r.target).padStart(9)}  ${r.sourceSum} ${r.ok ? "=" : "≠"} ${r.targetSum}  ${r.ok ? "ok" : "MISMATCH"}`)
    .join("\n");
}

async function main(): Promise<number> {
  let from, to;
  try {
    const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } }, strict: true, allowPositionals: false });
    if (!values.from || !values.to) throw new CopyRefused(`--from and --to are both needed. ${USAGE}`);
    from = parseLocation(values.from, "--from");
    to = parseLocation(values.to, "--to");
  } catch (e) {
    console.error(`db:copy: ${e instanceof CopyRefused ? e.message : `${(e as Error).message}. ${USAGE}`}`);
    return 2;
  }
  const tty = process.stderr.isTTY;
  let shown = "";
  const started = Date.now();
  try {
    console.error(`Copying ${describeLocation(from)} → ${describeLocation(to)}`);
    const report = await copyDatabase(from, to, (t, done, total) => {
      // On a terminal one line that counts up; in a log a line per table and every 10,000 rows.
      if (tty) process.stderr.write(`\r  ${t} ${done}/${total}\x1b[K`);
      else if (t !== shown || done === total || done % 10_000 < 750) console.error(`  ${t} ${done}/${total}`);
      shown = t;
    });
    if (tty) process.stderr.write("\r\x1b[K");
    console.log(table(report));
    console.log(`Copied and verified ${report.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (e) {
    if (tty) process.stderr.write("\n");
    if (e instanceof CopyMismatch) console.log(table(e.report));
    console.error(`db:copy: ${(e as Error).message}`);
    if (process.env.DEBUG_COPY) console.error(e);
    return e instanceof CopyRefused ? 2 : 1;
  }
}

void main().then((code) => process.exit(code));
