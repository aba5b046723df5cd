// The scheduler's figure for `npm run bench`: one notify pass over the --demo-scale data, run by
// bench/notify-pass.ts in a child process so that the peak memory reported is the pass's own.
import { execFileSync } from "node:child_process";

export interface NotifyMeasure {
  users: number;
  openActions: number;
  gifts: number;
  notices: number;
  first: { ms: number; cpuMs: number; dueItems: number; created: number; mails: number; noticesMailed: number };
  second: { ms: number; cpuMs: number; dueItems: number; created: number; mails: number };
  rssBeforeMiB: number;
  peakRssMiB: number;
  /** EXPLAIN QUERY PLAN of the pass's selects and updates on the benchmark's data. */
  plans: { sql: string; plan: string[] }[];
}

export function measureNotifyPass(file: string): NotifyMeasure {
  const out = execFileSync("npx", ["tsx", "bench/notify-pass.ts", file], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out.trim().split("\n").at(-1)!) as NotifyMeasure;
}

/** Milliseconds of a pass per 10,000 due items: the bar is under 1,000. */
export const per10k = (ms: number, items: number) => (items ? Math.round((ms / items) * 10_000) : 0);
