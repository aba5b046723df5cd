import type { Rig } from "./pg-rig";

// Writers against several instances at once, and the ledger of what they were told. A write is
// acknowledged (2xx), refused before it reached a server (connection refused: certainly not
// applied), or unsure (503, a dropped connection: the server may have committed before it could
// answer). The database must hold every acknowledged write, may hold unsure ones, nothing else.

export type Event = { at: number; instance: number; kind: "ack" | "conflict" | "unavailable" | "refused" | "unsure" | "failure" };

export class Ledger {
  /** Acknowledged creates: title → id. */
  readonly creates = new Map<string, number>();
  readonly unsureCreates = new Set<string>();
  /** Acknowledged edits and moves: record id → the version each 200 answered. */
  readonly updates = new Map<number, number[]>();
  readonly unsureUpdates = new Map<number, number>();
  readonly moves = new Map<number, number[]>();
  readonly unsureMoves = new Map<number, number>();
  readonly failures: string[] = [];
  readonly events: Event[] = [];
  /** Ids of acknowledged meetings, which every client edits: edits race across instances. */
  readonly ids: number[] = [];

  note(instance: number, kind: Event["kind"]) {
    this.events.push({ at: Date.now(), instance, kind });
  }

  count(kind: Event["kind"], filter: (e: Event) => boolean = () => true): number {
    return this.events.filter((e) => e.kind === kind && filter(e)).length;
  }

  summary(): string {
    const n = (m: Map<number, number[]>) => [...m.values()].reduce((a, v) => a + v.length, 0);
    const unsure = this.unsureCreates.size + [...this.unsureUpdates.values(), ...this.unsureMoves.values()].reduce((a, b) => a + b, 0);
    return `${this.events.length} writes: ${this.creates.size} creates, ${n(this.updates)} edits, ${n(this.moves)} moves acknowledged; ${this.count("conflict")} stale saves refused (409), ${this.count("unavailable")} answered 503, ${this.count("refused")} refused connections, ${unsure} unsure`;
  }
}

const bump = (m: Map<number, number>, id: number) => m.set(id, (m.get(id) ?? 0) + 1);

type Answer = { status: number; json: Record<string, unknown> | null } | { network: "refused" | "unsure"; detail: string };

/**
 * Longest a request may take: one that takes longer counts as hung, a failure. Generous, since on
 * a shared 2-core machine a busy instance took over 30 s for some answers in a full run.
 */
const REQUEST_TIMEOUT_MS = 120_000;

async function send(url: string, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  try {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await r.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      json = { unparsed: text.slice(0, 200) };
    }
    return { status: r.status, json };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    if (err.name === "TimeoutError") return { network: "unsure", detail: `hung: no answer in ${REQUEST_TIMEOUT_MS / 1000} s` };
    return { network: err.cause?.code === "ECONNREFUSED" ? "refused" : "unsure", detail: `${err.message} ${err.cause?.code ?? ""}` };
  }
}

export type LoadOptions = {
  rig: Rig;
  clients: number;
  /** Titles of this load's meetings start with it. */
  prefix: string;
  partnerId: number;
  actionIds: number[];
};

export type Load = { ledger: Ledger; stop(): Promise<void> };

/** Starts the clients; stop() ends them after their current request. */
export function startLoad(o: LoadOptions): Load {
  const ledger = new Ledger();
  const downUntil = new Map<number, number>();
  let running = true;
  // Round robin over the instances, skipping for a moment one whose port refused (as a balancer would).
  const pick = (k: number) => {
    const n = o.rig.servers.length;
    for (let j = 0; j < n; j++) {
      const i = (k + j) % n;
      if ((downUntil.get(i) ?? 0) <= Date.now()) return i;
    }
    return k % n;
  };
  const classify = (instance: number, a: Answer, ok: number, what: string): "ack" | "conflict" | "unsure" | "no" => {
    if ("network" in a) {
      if (a.detail.startsWith("hung")) ledger.failures.push(`${what} on ${instance}: ${a.detail}`);
      if (a.network === "refused") downUntil.set(instance, Date.now() + 250);
      ledger.note(instance, a.network);
      return a.network === "refused" ? "no" : "unsure";
    }
    if (a.status === ok) return (ledger.note(instance, "ack"), "ack");
    if (a.status === 409) return (ledger.note(instance, "conflict"), "conflict");
    if (a.status === 503 && (a.json?.error as { code?: string } | undefined)?.code === "unavailable") return (ledger.note(instance, "unavailable"), "unsure");
    ledger.note(instance, "failure");
    ledger.failures.push(`${what} on ${instance}: ${a.status} ${JSON.stringify(a.json).slice(0, 300)}`);
    return "no";
  };
  // A read before an edit: only its version matters, so a failed read just skips the edit.
  const read = async (instance: number, path: string) => {
    const a = await send(o.rig.servers[instance]!.url, o.rig.token, "GET", path);
    if ("network" in a || a.status !== 200) {
      if (!("network" in a) && a.status !== 503) ledger.failures.push(`GET ${path} on ${instance}: ${a.status}`);
      if ("network" in a && a.network === "refused") downUntil.set(instance, Date.now() + 250);
      return undefined;
    }
    return a.json!.version as number;
  };
  const version = (a: Answer) => ("network" in a ? NaN : Number(a.json?.version));

  const client = async (n: number) => {
    for (let i = 0; running; i++) {
      const op = i % 3;
      const first = pick(n + i);
      // The write goes to the other instance than the read: versions are checked across instances.
      const second = pick(first + 1);
      const url = o.rig.servers[second]!.url;
      if (op === 0 || ledger.ids.length === 0) {
        const title = `${o.prefix} c${n} i${i}`;
        const a = await send(url, o.rig.token, "POST", "/api/v1/meetings", {
          partnerId: o.partnerId,
          title,
          kind: "meeting",
          status: "held",
          date: "2024-05-06",
          time: "10:00",
          timeZone: "Asia/Seoul",
          participants: [{ newPerson: { nameEn: `${o.prefix} guest ${n}-${i}`, side: "partner" }, role: "attendee" }],
        });
        const c = classify(second, a, 201, `create ${title}`);
        if (c === "ack") {
          const id = Number((a as { json: Record<string, unknown> }).json.id);
          ledger.creates.set(title, id);
          ledger.ids.push(id);
        } else if (c === "unsure") ledger.unsureCreates.add(title);
      } else if (op === 1) {
        const id = ledger.ids[Math.floor(Math.random() * ledger.ids.length)]!;
        const v = await read(first, `/api/v1/meetings/${id}`);
        if (v === undefined) continue;
        const a = await send(url, o.rig.token, "PATCH", `/api/v1/meetings/${id}`, { version: v, notes: `Edited by client ${n}, write ${i}` });
        const c = classify(second, a, 200, `edit meeting ${id}`);
        if (c === "ack") ledger.updates.set(id, [...(ledger.updates.get(id) ?? []), version(a)]);
        else if (c === "unsure") bump(ledger.unsureUpdates, id);
      } else {
        const id = o.actionIds[Math.floor(Math.random() * o.actionIds.length)]!;
        const v = await read(first, `/api/v1/actions/${id}`);
        if (v === undefined) continue;
        const status = ["open", "in_progress", "blocked"][(n + i) % 3];
        const a = await send(url, o.rig.token, "POST", "/api/v1/board/move", { id, version: v, status });
        const c = classify(second, a, 200, `move action ${id}`);
        if (c === "ack") ledger.moves.set(id, [...(ledger.moves.get(id) ?? []), version(a)]);
        else if (c === "unsure") bump(ledger.unsureMoves, id);
      }
    }
  };
  const done = Promise.all(Array.from({ length: o.clients }, (_, n) => client(n)));
  return {
    ledger,
    async stop() {
      running = false;
      await done;
    },
  };
}
