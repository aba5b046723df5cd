import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLoad, type Ledger } from "../pg-load";
import { startRig, type Rig } from "../pg-rig";
import { actionBaseline, verify } from "../pg-verify";

// Two instances of the built app on one PostgreSQL database (a throwaway cluster, fsync on),
// clients writing through both at once: creating meetings, editing them (read on one instance,
// saved on the other) and moving board cards. Then one instance is killed with SIGKILL, then the
// PostgreSQL server is stopped and started. Each time: every acknowledged write is stored once,
// a stale save is a 409 and never a lost update, and the audit trail has one event per stored
// change (tests/reliability/pg-verify.ts). One rig for the three, as starting it is the slow part.
const FULL = process.env.RELIABILITY_FULL === "1";
const CLIENTS = FULL ? 16 : 6;
const SECONDS = FULL ? 30 : 8;
const KILLS = FULL ? 8 : 2;
const RESTARTS = FULL ? 4 : 1;
/** How long the PostgreSQL server stays down in each restart. */
const OUTAGE_MS = 2_000;

let rig: Rig;
let partnerId: number;
let actionIds: number[];
beforeAll(async () => {
  rig = await startRig(2);
  partnerId = (await rig.query<{ id: number }>("select id from partner order by id limit 1"))[0]!.id;
  actionIds = (await rig.query<{ id: number }>("select id from action where archived_at is null order by id limit 6")).map((r) => r.id);
}, 300_000);
afterAll(async () => rig?.stop());

/** Runs the clients while `during` does its part, then holds the database against what they were told. */
async function underLoad(prefix: string, during: (ledger: Ledger) => Promise<void>): Promise<Ledger> {
  const baseline = await actionBaseline(rig, actionIds);
  const load = startLoad({ rig, clients: CLIENTS, prefix, partnerId, actionIds });
  try {
    await during(load.ledger);
  } finally {
    await load.stop();
  }
  expect(load.ledger.failures.slice(0, 10)).toEqual([]);
  expect(await verify(rig, load.ledger, prefix, baseline)).toEqual([]);
  return load.ledger;
}

const acks = (ledger: Ledger, instance: number | undefined, after: number) => ledger.count("ack", (e) => (instance === undefined || e.instance === instance) && e.at > after);

async function probe(i: number) {
  const started = Date.now();
  const r = await fetch(`${rig.servers[i]!.url}/api/v1/meetings?limit=1`, { headers: { authorization: `Bearer ${rig.token}` }, signal: AbortSignal.timeout(30_000) });
  const body = (await r.json()) as { error?: { code: string; message: string } };
  return { status: r.status, body, ms: Date.now() - started, retryAfter: r.headers.get("retry-after") };
}

describe("[RELIABILITY] PostgreSQL, two instances", () => {
  it(`${CLIENTS} clients for ${SECONDS} s across two instances lose nothing and audit every stored change once`, async () => {
    const ledger = await underLoad("PGW", () => new Promise((r) => setTimeout(r, SECONDS * 1000)));
    // No outage here: every write was answered, none is unsure.
    expect(ledger.count("unavailable") + ledger.count("unsure") + ledger.count("refused")).toBe(0);
    for (const i of [0, 1]) expect(acks(ledger, i, 0)).toBeGreaterThan(CLIENTS);
    expect(ledger.count("conflict")).toBeGreaterThan(0);
    console.log(`[pg writers] ${CLIENTS} clients, ${SECONDS} s: ${ledger.summary()}`);
  }, 600_000);

  it(`loses no acknowledged write over ${KILLS} kill -9s of an instance while the other serves`, async () => {
    const ledger = await underLoad("PGK", async (ledger) => {
      for (let cycle = 0; cycle < KILLS; cycle++) {
        const victim = cycle % 2;
        const since = Date.now();
        await expect.poll(() => acks(ledger, victim, since), { timeout: 60_000, interval: 20 }).toBeGreaterThan(5);
        await new Promise((r) => setTimeout(r, 100 + Math.floor(Math.random() * 900)));
        const killedAt = Date.now();
        await rig.servers[victim]!.stop("SIGKILL");
        await expect.poll(() => acks(ledger, 1 - victim, killedAt), { timeout: 30_000, interval: 20 }).toBeGreaterThan(10);
        await rig.start(victim);
      }
    });
    expect(ledger.count("unavailable")).toBe(0);
    console.log(`[pg kill] ${KILLS} kill -9s, ${CLIENTS} clients: ${ledger.summary()}`);
  }, 900_000);

  it(`loses no acknowledged write over ${RESTARTS} PostgreSQL restarts, answers 503 meanwhile and reconnects by itself`, async () => {
    const outages: { downAt: number; answerMs: number; backMs: number }[] = [];
    const ledger = await underLoad("PGR", async (ledger) => {
      for (let cycle = 0; cycle < RESTARTS; cycle++) {
        const since = Date.now();
        await expect.poll(() => acks(ledger, undefined, since), { timeout: 60_000, interval: 20 }).toBeGreaterThan(20);
        const downAt = Date.now();
        rig.cluster.down();
        let answerMs = 0;
        for (const i of [0, 1]) {
          const p = await probe(i);
          expect(p.status).toBe(503);
          expect(p.body.error?.code).toBe("unavailable");
          expect(p.body.error?.message).toMatch(/database cannot be reached/);
          expect(p.retryAfter).toBe("5");
          answerMs = Math.max(answerMs, p.ms);
        }
        for (const i of [0, 1]) await expect.poll(() => ledger.count("unavailable", (e) => e.instance === i && e.at >= downAt), { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
        // The outage itself: the server stays down this long while the clients keep writing.
        await new Promise((r) => setTimeout(r, OUTAGE_MS));
        rig.cluster.up();
        const upAt = Date.now();
        for (const i of [0, 1]) await expect.poll(async () => (await probe(i)).status, { timeout: 30_000, interval: 100 }).toBe(200);
        const backMs = Date.now() - upAt;
        for (const i of [0, 1]) await expect.poll(() => acks(ledger, i, upAt), { timeout: 30_000, interval: 20 }).toBeGreaterThan(5);
        outages.push({ downAt, answerMs, backMs });
      }
    });
    for (const s of rig.servers) expect(s.proc.exitCode).toBeNull();
    // Only the outages explain a 503 or an unsure write.
    const first = outages[0]!.downAt;
    expect(ledger.count("unavailable", (e) => e.at < first) + ledger.count("unsure", (e) => e.at < first)).toBe(0);
    const worst = (k: "answerMs" | "backMs") => Math.max(...outages.map((o) => o[k]));
    console.log(
      `[pg restart] ${RESTARTS} restarts of ${OUTAGE_MS / 1000} s, ${CLIENTS} clients: ${ledger.summary()}; 503 within ${worst("answerMs")} ms of the stop, both instances serving ${worst("backMs")} ms after the start`,
    );
  }, 900_000);
});
