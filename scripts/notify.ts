// `npm run notify`: one scheduler pass, then exit (the same environment as `npm start`).
//   --dry-run    print what would be sent; nothing is stored or mailed
//   --retry-now  retry failed mail without waiting for its backoff
import { closeDb, openDb } from "@/db/client";
import { inTransaction } from "@/db/tx";
import { runMigrations } from "@/db/migrate";
import { MailConfigError, readMailConfig } from "@/lib/notifications/mail-config";
import { runPass } from "@/server/notifications/scheduler";

const KNOWN = new Set(["--dry-run", "--retry-now"]);

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !KNOWN.has(a));
  if (unknown.length) {
    console.error(`Unknown option ${unknown.join(", ")}. Usage: npm run notify -- [--dry-run] [--retry-now]`);
    return 2;
  }
  const dryRun = args.includes("--dry-run");
  const mail = readMailConfig();
  const db = openDb();
  await runMigrations(db);
  // A dry run does everything inside one transaction and rolls it back.
  const rollback = new Error("dry run");
  const pass = () => runPass(db, { mail, dryRun, retryNow: args.includes("--retry-now"), log: (l) => console.log(`  ${l}`) });
  try {
    let r: Awaited<ReturnType<typeof pass>>;
    if (dryRun) {
      let got: typeof r | undefined;
      await inTransaction(db, async () => {
        got = await pass();
        throw rollback;
      }).catch((e: unknown) => {
        if (e !== rollback) throw e;
      });
      r = got!;
    } else r = await pass();
    if (!r.ran) {
      console.log("Another scheduler holds the lease (a server is running a pass); nothing done.");
      return 0;
    }
    console.log(
      `${dryRun ? "Dry run: " : ""}${r.created} new notification${r.created === 1 ? "" : "s"} (${r.dueItems} due items checked), ` +
      `${r.mailsSent} mail${r.mailsSent === 1 ? "" : "s"} sent for ${r.noticesMailed} notifications, ${r.failedMails} failed, ${r.skipped} not mailed; ${Math.round(r.ms)} ms.`,
    );
    if (!mail) console.log("Mail is off: set SMTP_URL and MAIL_FROM to send notifications by mail.");
    if (r.mailServerDown) {
      console.error(`The mail server could not be reached (${r.mailServerDown}). The mail waits and is retried with backoff; --retry-now retries at once.`);
      return 1;
    }
    return r.failedMails ? 1 : 0;
  } finally {
    await closeDb(db);
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(e instanceof MailConfigError || e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
