import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedDb, reliabilityPort, startServer, tempDbFile, type Server } from "@/scripts/server-process";

// N clients create and edit meetings and move board cards through the HTTP API at once for T
// seconds. Afterwards every acknowledged write is in the database, no request failed (no 5xx,
// no SQLITE_BUSY), and the audit trail holds exactly one event per acknowledged change.
const FULL = process.env.RELIABILITY_FULL === "1";
const CLIENTS = FULL ? 16 : 6;
const SECONDS = FULL ? 30 : 8;

let server: Server;
let file: string;
let token: string;
beforeAll(async () => {
  file = tempDbFile();
  ({ token } = await preparedDb(file));
  server = await startServer(file, reliabilityPort(1));
}, 180_000);
afterAll(async () => server?.stop());

type Ack = { creates: Set<number>; updates: Map<number, number>; moves: Map<number, number>; conflicts: number; failures: string[]; requests: number };

async function call(method: string, path: string, body?: unknown) {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function client(n: number, until: number, ack: Ack, partnerId: number, actionIds: number[]) {
  const mine: number[] = [];
  for (let i = 0; Date.now() < until; i++) {
    const op = i % 3;
    let r;
    if (op === 0 || mine.length === 0) {
      r = await call("POST", "/api/v1/meetings", {
        partnerId,
        title: `Writer ${n} meeting ${i}`,
        kind: "meeting",
        status: "held",
        date: "2022-03-04",
        time: "09:30",
        timeZone: "Asia/Seoul",
        participants: [{ newPerson: { nameEn: `Guest ${n}-${i}`, side: "partner" }, role: "attendee" }],
      });
      if (r.status === 201) {
        const id = r.json!.id as number;
        ack.creates.add(id);
        mine.push(id);
      }
    } else if (op === 1) {
      const id = mine[i % mine.length]!;
      const cur = await call("GET", `/api/v1/meetings/${id}`);
      ack.requests++;
      r = await call("PATCH", `/api/v1/meetings/${id}`, { version: cur.json!.version, title: `Writer ${n} meeting ${id} edited ${i}` });
      if (r.status === 200) ack.updates.set(id, (ack.updates.get(id) ?? 0) + 1);
    } else {
      const id = actionIds[(n + i) % actionIds.length]!;
      const cur = await call("GET", `/api/v1/actions/${id}`);
      ack.requests++;
      const status = ["open", "in_progress", "blocked"][(n + i) % 3];
      r = await call("POST", "/api/v1/board/move", { id, version: cur.json!.version, status });
      if (r.status === 200) ack.moves.set(id, (ack.moves.get(id) ?? 0) + 1);
    }
    ack.requests++;
    if (r.status === 409) ack.conflicts++;
    else if (r.status >= 300 || /SQLITE_BUSY/i.test(r.text)) ack.failures.push(`${r.status} ${r.text.slice(0, 200)}`);
  }
}

describe("[RELIABILITY] concurrent writers", () => {
  it(`${CLIENTS} clients for ${SECONDS} s lose nothing and audit every acknowledged change once`, async () => {
    const partners = await call("GET", "/api/v1/partners?limit=10");
    const partnerId = (partners.json!.data as { id: number }[])[0]!.id;
    const actions = await call("GET", "/api/v1/actions?limit=10");
    const actionIds = (actions.json!.data as { id: number }[]).map((a) => a.id);
    expect(actionIds.length).toBeGreaterThan(0);

    const ack: Ack = { creates: new Set(), updates: new Map(), moves: new Map(), conflicts: 0, failures: [], requests: 0 };
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n, until, ack, partnerId, actionIds)));
    expect(ack.failures.slice(0, 10)).toEqual([]);
    expect(ack.creates.size).toBeGreaterThan(CLIENTS);

    const db = new Database(file, { readonly: true });
    const audit = (type: string, id: number, event: string) =>
      (db.prepare("select count(*) n from audit_event where record_type = ? and record_id = ? and event = ?").get(type, String(id), event) as { n: number }).n;
    for (const id of ack.creates) {
      const row = db.prepare("select version from meeting where id = ?").get(id) as { version: number } | undefined;
      expect(row, `meeting ${id} was acknowledged`).toBeDefined();
      expect(row!.version).toBe(1 + (ack.updates.get(id) ?? 0));
      expect(audit("meeting", id, "create")).toBe(1);
      expect(audit("meeting", id, "update")).toBe(ack.updates.get(id) ?? 0);
    }
    for (const [id, n] of ack.moves) expect(audit("action", id, "move")).toBe(n);
    db.close();
    console.log(`[writers] ${ack.requests} requests: ${ack.creates.size} creates, ${[...ack.updates.values()].reduce((a, b) => a + b, 0)} edits, ${[...ack.moves.values()].reduce((a, b) => a + b, 0)} moves, ${ack.conflicts} conflicts (409)`);
  }, 600_000);
});
