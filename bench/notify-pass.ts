// `tsx bench/notify-pass.ts <db file>`: the scheduler on --demo-scale data, in a process of its
// own so that its peak memory is the pass's. The synthetic data has no accounts, so it first gives
// the home-side staff who own the follow-ups accounts (half of them in Seoul, half in UTC), an
// administrator, and one received gift in ten meetings worth KRW 150,000, half of them declared.
// Then it times a first pass (every due item is new), a second one (nothing is) and prints JSON.
// Mail goes to a transport that drops it, so composing and claiming count, the network does not.
import { eq, sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { notification, notificationPreference, person, user } from "@/db/schema";
import { runPass, type PassResult } from "@/server/notifications/scheduler";

const MiB = 2 ** 20;

/** A statement as a reader wants it: no quotes, long lists of placeholders folded. */
function shortSql(q: string): string {
  return q
    .replace(/"/g, "")
    .replace(/\?(, \?)+/g, "?, …")
    .replace(/^select (.{0,60}?)[^,]*(,.*?)? from /i, (m: string, first: string) => `select ${first}… from `)
    .replace(/\s+/g, " ")
    .slice(0, 260);
}

/** EXPLAIN QUERY PLAN of each distinct select, update and delete the pass prepared, on this data. */
function plans(db: ReturnType<typeof openDb>, statements: Set<string>): { sql: string; plan: string[] }[] {
  const shown = new Set<string>();
  return [...statements]
    .filter((q) => /^\s*(select|update|delete)/i.test(q) && !/scheduler_lease|from "setting"/.test(q))
    .map((q) => {
      const params = (q.match(/\?/g) ?? []).map(() => "x");
      const plan = (db.$client.prepare(`explain query plan ${q}`).all(...params) as { detail: string }[]).map((p) => p.detail);
      return { sql: shortSql(q), plan };
    })
    .filter((p) => !shown.has(p.sql) && shown.add(p.sql));
}
const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("Give the database file.");
  const db = openDb(file);
  const staff = await db.select({ id: person.id }).from(person).where(eq(person.side, "home"));
  for (const [i, p] of staff.entries()) {
    const id = `bench-staff-${p.id}`;
    await db.insert(user).values({ id, name: `Staff ${p.id}`, email: `${id}@bench.local`, role: "editor", locale: i % 2 ? "ko" : "en" }).onConflictDoNothing();
    await db.insert(notificationPreference).values({ userId: id, timeZone: i % 2 ? "Asia/Seoul" : "UTC", mail: "immediate" }).onConflictDoNothing();
    await db.update(person).set({ userId: id }).where(eq(person.id, p.id));
  }
  await db.insert(user).values({ id: "bench-notify-admin", name: "Admin", email: "notify-admin@bench.local", role: "admin", locale: "en" }).onConflictDoNothing();
  db.run(sql`insert into gift (meeting_id, direction, item, estimated_value, currency, declared_on, created_at, updated_at)
    select id, 'received', 'Porcelain vase', 150000, 'KRW', case when id % 20 = 0 then '2026-01-01' end, 0, 0 from meeting where id % 10 = 0`);
  await db.delete(notification).where(sql`1 = 1`);
  const mail = { url: "smtp://bench.invalid:25", host: "bench.invalid:25", from: "bench@bench.local" };
  const transport = { sendMail: async () => ({}) };
  const rssBefore = process.memoryUsage().rss;
  // The statements of the first pass, to show how SQLite runs them (recording costs next to nothing).
  const statements = new Set<string>();
  const prepare = db.$client.prepare.bind(db.$client);
  db.$client.prepare = ((q: string) => {
    statements.add(q);
    return prepare(q);
  });
  // CPU time beside wall time: on a shared machine the wall clock also counts others' work.
  let cpu = process.cpuUsage();
  const first: PassResult = await runPass(db, { mail, transport });
  const firstCpu = cpuMs(process.cpuUsage(cpu));
  db.$client.prepare = prepare;
  const peakFirst = process.resourceUsage().maxRSS * 1024;
  cpu = process.cpuUsage();
  const second: PassResult = await runPass(db, { mail, transport });
  const secondCpu = cpuMs(process.cpuUsage(cpu));
  const counts = db.$client
    .prepare("select (select count(*) from action where status in ('open','in_progress','blocked') and archived_at is null) open, (select count(*) from gift) gifts, (select count(*) from notification) notices, (select count(*) from user) users")
    .get() as { open: number; gifts: number; notices: number; users: number };
  console.log(
    JSON.stringify({
      users: counts.users,
      openActions: counts.open,
      gifts: counts.gifts,
      notices: counts.notices,
      first: { ms: Math.round(first.ms), cpuMs: firstCpu, dueItems: first.dueItems, created: first.created, mails: first.mailsSent, noticesMailed: first.noticesMailed },
      second: { ms: Math.round(second.ms), cpuMs: secondCpu, dueItems: second.dueItems, created: second.created, mails: second.mailsSent },
      rssBeforeMiB: Math.round(rssBefore / MiB),
      peakRssMiB: Math.round(peakFirst / MiB),
      plans: plans(db, statements),
    }),
  );
  db.$client.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
