// Figures measured once per bench, on the SQLite file of the reference scale after the runs:
// durable commits (NORMAL beside FULL) and one notify pass. Both write to the data, so they go last.
import { measureNotifyPass, per10k } from "./notify";
import { measureWrites } from "./writes";

export async function extrasLines(file: string): Promise<string[]> {
  const out: string[] = [];
  out.push("## Durable commits: sequential writes (createMeeting in-process, 2 alternating rounds of 200 per mode)", "");
  out.push("| synchronous | writes | writes/s | p50 ms | p99 ms |", "| --- | ---: | ---: | ---: | ---: |");
  const writes = await measureWrites(file);
  for (const w of writes) out.push(`| ${w.mode} | ${w.writes} | ${w.writesPerSecond} | ${w.p50Ms} | ${w.p99Ms} |`);
  const [normal, full] = writes;
  out.push("", `FULL/NORMAL throughput: ${(full!.writesPerSecond / normal!.writesPerSecond).toFixed(2)}`, "");
  const n = measureNotifyPass(file);
  out.push(`## Scheduler: one notify pass (${n.users} accounts, ${n.openActions.toLocaleString("en")} open follow-ups, ${n.gifts.toLocaleString("en")} gifts; mail composed and dropped)`, "");
  out.push("| pass | due items | new notices | mails | wall ms | CPU ms | CPU ms per 10,000 due items | peak RSS MiB |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  out.push(
    `| first (all new) | ${n.first.dueItems} | ${n.first.created} | ${n.first.mails} | ${n.first.ms} | ${n.first.cpuMs} | ${per10k(n.first.cpuMs, n.first.dueItems)} | ${n.peakRssMiB} (from ${n.rssBeforeMiB}) |`,
  );
  out.push(`| second (none new) | ${n.second.dueItems} | ${n.second.created} | ${n.second.mails} | ${n.second.ms} | ${n.second.cpuMs} | ${per10k(n.second.cpuMs, n.second.dueItems)} | |`, "");
  out.push("How SQLite runs the first pass's selects and updates on this data (EXPLAIN QUERY PLAN; SCAN only on `user`, the accounts):", "", "```");
  for (const p of n.plans) out.push([p.sql, ...p.plan.map((l) => `    ${l}`)].join("\n"));
  out.push("```");
  return out;
}
