import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { preparedDb, reliabilityPort, startServer, tempDbFile } from "@/scripts/server-process";

// Start the server, write continuously, kill -9 it at a random moment, restart; repeat. Every
// acknowledged write must survive every crash, and the database must pass integrity_check.
const FULL = process.env.RELIABILITY_FULL === "1";
const CYCLES = FULL ? 20 : 4;
const WRITERS = 4;

describe("[RELIABILITY] crash", () => {
  it(`keeps every acknowledged write over ${CYCLES} kill -9 cycles`, async () => {
    const file = tempDbFile();
    const { token } = await preparedDb(file);
    const probe = new Database(file, { readonly: true });
    const partnerId = (probe.prepare("select id from partner order by id limit 1").get() as { id: number }).id;
    probe.close();
    const acked = new Set<number>();
    let seq = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const server = await startServer(file, reliabilityPort(2));
      let stop = false;
      const writer = async () => {
        while (!stop) {
          const i = seq++;
          try {
            const r = await fetch(`${server.url}/api/v1/meetings`, {
              method: "POST",
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              body: JSON.stringify({
                partnerId,
                title: `Crash cycle ${cycle} write ${i}`,
                kind: "meeting",
                status: "held",
                date: "2023-01-02",
                time: "11:00",
                timeZone: "Asia/Seoul",
                participants: [{ newPerson: { nameEn: `Crash guest ${i}`, side: "partner" } }],
              }),
            });
            if (r.status === 201) acked.add(((await r.json()) as { id: number }).id);
            else await r.text();
          } catch {
            // the server died under us: this write was never acknowledged
            return;
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, () => writer());
      const before = acked.size;
      await expect.poll(() => acked.size, { timeout: 60_000, interval: 20 }).toBeGreaterThan(before);
      await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 900)));
      server.proc.kill("SIGKILL");
      stop = true;
      await Promise.all(writers);
      await server.stop("SIGKILL");
    }

    const db = new Database(file, { readonly: true });
    expect(db.pragma("integrity_check")).toEqual([{ integrity_check: "ok" }]);
    const missing = [...acked].filter((id) => {
      const m = db.prepare("select (select count(*) from participant p where p.meeting_id = m.id) n from meeting m where m.id = ?").get(id) as { n: number } | undefined;
      return !m || m.n !== 1;
    });
    db.close();
    expect(acked.size).toBeGreaterThan(CYCLES);
    expect(missing).toEqual([]);
    console.log(`[crash] ${CYCLES} kill -9 cycles, ${acked.size} acknowledged writes, 0 lost`);
  }, 900_000);
});
