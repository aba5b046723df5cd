// The cost of durable commits: the app's own write path (createMeeting: validation, the meeting,
// a participant, the search index and the audit events in one transaction), one writer after
// another, with `synchronous = NORMAL` beside FULL on the same database file. Rounds alternate so
// that the machine's noise falls on both modes alike.
import { openDb, SYNCHRONOUS } from "@/db/client";
import { SYSTEM_ACTOR } from "@/db/audit";
import { createMeeting } from "@/db/queries/meetings";

export type SyncMode = "NORMAL" | "FULL";

export interface WriteMeasure {
  mode: SyncMode;
  writes: number;
  writesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * q))]! * 100) / 100;
}

/** `rounds` alternating rounds of `perRound` sequential writes in each mode. */
export async function measureWrites(file: string, perRound = 200, rounds = 2): Promise<WriteMeasure[]> {
  const db = openDb(file);
  try {
    const partnerId = (db.$client.prepare("select id from partner order by id limit 1").get() as { id: number }).id;
    const times: Record<SyncMode, number[]> = { NORMAL: [], FULL: [] };
    let n = 0;
    for (let r = 0; r < rounds; r++) {
      for (const mode of ["NORMAL", "FULL"] as const) {
        db.$client.pragma(`synchronous = ${mode}`);
        for (let i = 0; i < perRound; i++) {
          const t0 = performance.now();
          await createMeeting(db, SYSTEM_ACTOR, {
            partnerId,
            title: `Write bench ${mode} ${n++}`,
            kind: "meeting",
            status: "held",
            date: "2024-03-04",
            time: "10:00",
            timeZone: "Asia/Seoul",
            participants: [{ newPerson: { nameEn: `Write bench guest ${n}`, side: "partner" } }],
          });
          times[mode].push(performance.now() - t0);
        }
      }
    }
    db.$client.pragma(`synchronous = ${SYNCHRONOUS}`);
    return (["NORMAL", "FULL"] as const).map((mode) => {
      const t = times[mode];
      const total = t.reduce((a, b) => a + b, 0);
      return { mode, writes: t.length, writesPerSecond: Math.round((t.length / total) * 1000), p50Ms: quantile(t, 0.5), p99Ms: quantile(t, 0.99) };
    });
  } finally {
    db.$client.close();
  }
}
