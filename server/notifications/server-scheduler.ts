import { openDb, type Db } from "@/db/client";
import { MailConfigError, readMailConfig } from "@/lib/notifications/mail-config";
import { runPass } from "./scheduler";

// The scheduler inside the server (started by instrumentation.ts): a timer, no cron, no second
// process. Every instance runs the timer; the lease lets only one of them work at a time.

const g = globalThis as unknown as { __bridgeheadDb?: Db; __bridgeheadScheduler?: NodeJS.Timeout };

export function startScheduler(): void {
  if (g.__bridgeheadScheduler || process.env.NOTIFY_INTERVAL_SECONDS === "0") return;
  let mail;
  try {
    mail = readMailConfig();
  } catch (e) {
    if (!(e instanceof MailConfigError)) throw e;
    console.error(`Bridgehead cannot start: ${e.message}`);
    process.exit(1);
  }
  const seconds = Number(process.env.NOTIFY_INTERVAL_SECONDS ?? 60);
  const every = Number.isFinite(seconds) && seconds >= 1 ? seconds * 1000 : 60_000;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Under `npm start` the server boots while the database is migrated (scripts/start.ts).
      await (globalThis as { __bridgeheadDatabaseReady?: Promise<void> }).__bridgeheadDatabaseReady;
      // The same connection db/index.ts opens for requests (one per process).
      g.__bridgeheadDb ??= openDb();
      const r = await runPass(g.__bridgeheadDb, { mail });
      if (r.mailServerDown) console.warn(`Notifications: the mail server could not be reached (${r.mailServerDown}); mail waits for a retry.`);
    } catch (e) {
      console.error("Notifications: a scheduler pass failed:", e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  g.__bridgeheadScheduler = setInterval(() => void tick(), every);
  g.__bridgeheadScheduler.unref();
  setTimeout(() => void tick(), Math.min(every, 5_000)).unref();
  console.log(`Notifications: ${mail ? `mail through ${mail.host}` : "mail is off (SMTP_URL not set)"}; a pass every ${every / 1000} s.`);
}
