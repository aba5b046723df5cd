import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { preparedDb, reliabilityPort, startServer, tempDbFile } from "@/scripts/server-process";
import { checkSyncedBeforeAck, type AckCheck } from "../strace-log";

// A write the server has answered must already be on the disk: the kill -9 test cannot see a
// lost commit (the OS still holds the page cache), a power cut can. So the server runs under
// strace, which logs every write, sync and socket send in the order they happen, and for every
// acknowledged write the WAL bytes written for it are fsynced before the first byte of the answer.
const WRITES = 6;

describe("[RELIABILITY] durability", () => {
  it(`syncs the WAL before answering each of ${WRITES} acknowledged writes`, async () => {
    const file = tempDbFile("durability.db");
    const { token } = await preparedDb(file);
    const log = path.join(path.dirname(file), "strace.log");
    // --seccomp-bpf stops the server only at the traced calls, so it runs at nearly full speed.
    const wrap = ["strace", "-f", "--seccomp-bpf", "-qq", "-yy", "-s", "65536", "-e", "trace=write,pwrite64,writev,pwritev,sendto,sendmsg,fsync,fdatasync,sync_file_range", "-o", log];
    const server = await startServer(file, reliabilityPort(3), { wrap });
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-encoding": "identity" };
    const markers: string[] = [];
    try {
      const partners = (await (await fetch(`${server.url}/api/v1/partners`, { headers })).json()) as { data: { id: number }[] };
      const partnerId = partners.data[0]!.id;
      for (let i = 0; i < WRITES / 2; i++) {
        const created = `Durable create ${i} ${Date.now()}`;
        const r = await fetch(`${server.url}/api/v1/meetings`, {
          method: "POST",
          headers,
          body: JSON.stringify({ partnerId, title: created, kind: "meeting", status: "held", date: "2024-05-06", time: "09:30", timeZone: "Asia/Seoul" }),
        });
        expect(r.status).toBe(201);
        const m = (await r.json()) as { id: number; version: number };
        markers.push(created);
        const edited = `Durable edit ${i} ${Date.now()}`;
        const p = await fetch(`${server.url}/api/v1/meetings/${m.id}`, { method: "PATCH", headers, body: JSON.stringify({ version: m.version, title: edited }) });
        expect(p.status).toBe(200);
        await p.text();
        markers.push(edited);
      }
    } finally {
      await server.stop();
    }
    const checks: AckCheck[] = checkSyncedBeforeAck(fs.readFileSync(log, "utf8"), markers, path.basename(file));
    for (const c of checks) console.log(`[durability] ${c.marker}: WAL written at line ${c.walWrite}, synced at ${c.sync ?? "never"}, answered at ${c.ack}`);
    expect(checks.map((c) => ({ marker: c.marker, syncedBeforeAck: c.syncedBeforeAck }))).toEqual(markers.map((marker) => ({ marker, syncedBeforeAck: true })));
  }, 180_000);
});
