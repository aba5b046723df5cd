import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedDb, reliabilityPort, startServer, tempDbFile, type Server } from "@/scripts/server-process";
import { fingerprint } from "../fingerprint";

// Bodies without an end, against the production server: a chunked body has no Content-Length to
// check, so the server must count bytes as they come and answer in the JSON error shape without
// holding the body in memory (the API answers before the client is done). Server-action calls are refused in
// the proxy, before Next's own handling answers them with a 500.
const MiB = 2 ** 20;

let server: Server;
let file: string;
let token: string;
let action: string;

/** Peak resident memory of the server process (Linux `VmHWM`), in MiB. */
function peakRssMiB(): number {
  const status = fs.readFileSync(`/proc/${server.proc.pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

interface Sent {
  status: number;
  json: { error?: { code: string; message: string } };
  /** Bytes the client had written when the answer arrived. */
  sentBeforeAnswer: number;
}

/** POSTs `total` bytes in 64 KiB chunks with no Content-Length, and stops writing once answered. */
function postChunked(path: string, headers: Record<string, string>, total: number, prefix = "", suffix = ""): Promise<Sent> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({ host: "127.0.0.1", port, path, method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => {
        try {
          resolve({ status: res.statusCode!, json: JSON.parse(text) as Sent["json"], sentBeforeAnswer });
        } catch {
          resolve({ status: res.statusCode!, json: { error: { code: "not-json", message: text.slice(0, 200) } }, sentBeforeAnswer });
        }
      });
    });
    // After the answer the server closes the connection: a write error then is expected.
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const filler = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      if (sent === 0 && prefix) {
        req.write(prefix);
        sent += Buffer.byteLength(prefix);
      }
      while (!answered && sent < total) {
        sent += filler.length;
        if (!req.write(filler)) return void req.once("drain", pump);
      }
      if (!answered) req.end(suffix);
    };
    pump();
  });
}

beforeAll(async () => {
  file = tempDbFile("bounded.db");
  ({ token } = await preparedDb(file));
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, unknown> };
  action = Object.keys(manifest.node)[0]!;
  server = await startServer(file, reliabilityPort(4));
  // Warm the routes up so their first compile-and-load is not counted as the body's memory.
  await (await fetch(`${server.url}/api/v1/meetings`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" })).text();
  await (await fetch(`${server.url}/login`, { method: "POST", headers: { "next-action": action, origin: server.url, "content-type": "text/plain;charset=UTF-8" }, body: "[]" })).text();
}, 180_000);
afterAll(async () => server?.stop());

describe("[RELIABILITY] bounded input", () => {
  it("a chunked 40 MB JSON body is answered 413 after about 1 MB, with flat memory, and saves nothing", async () => {
    const before = fingerprint(file);
    const rss = peakRssMiB();
    const r = await postChunked("/api/v1/meetings", { authorization: `Bearer ${token}`, "content-type": "application/json" }, 40 * MiB, '{"title":"');
    expect(r.status).toBe(413);
    expect(r.json.error?.code).toBe("payload_too_large");
    expect(r.sentBeforeAnswer).toBeLessThan(8 * MiB);
    const grew = peakRssMiB() - rss;
    console.log(`[bounded] API: answered after ${(r.sentBeforeAnswer / MiB).toFixed(1)} MiB sent; server peak RSS +${grew.toFixed(1)} MiB`);
    expect(grew).toBeLessThan(20);
    expect(fingerprint(file)).toEqual(before);
  });

  it("a server-action call from a foreign Origin is a 403 in the JSON error shape, not Next's 500", async () => {
    for (const origin of ["https://evil.example", "null", `http://127.0.0.1.evil.example:${new URL(server.url).port}`]) {
      const r = await fetch(`${server.url}/login`, { method: "POST", headers: { "next-action": action, origin, "content-type": "text/plain;charset=UTF-8" }, body: "[]" });
      expect(r.status, origin).toBe(403);
      expect(((await r.json()) as Sent["json"]).error?.code).toBe("forbidden");
    }
  });

  it("server-action bodies over 1 MB, form uploads and chunked ones included, are a 413 in the JSON error shape", async () => {
    const before = fingerprint(file);
    const boundary = "----bh-bounded";
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const multipart = { "next-action": action, origin: server.url, "content-type": `multipart/form-data; boundary=${boundary}` };
    const rss = peakRssMiB();
    const chunkedForm = await postChunked("/login", multipart, 40 * MiB, part, `\r\n--${boundary}--\r\n`);
    // Next runs the proxy on a copy of the body and answers only once the request has ended, so
    // here the server reads the rest (and drops it) before the 413: memory stays flat, but the
    // time is the client's. A reverse proxy's body limit cuts it at the edge (docs/deploy.md).
    expect(chunkedForm.status).toBe(413);
    expect(chunkedForm.json.error?.code).toBe("payload_too_large");
    const chunkedText = await postChunked("/login", { "next-action": action, origin: server.url, "content-type": "text/plain;charset=UTF-8" }, 40 * MiB, '["');
    expect(chunkedText.status).toBe(413);
    expect(chunkedText.json.error?.code).toBe("payload_too_large");
    const grew = peakRssMiB() - rss;
    console.log(`[bounded] actions: two chunked 40 MiB calls answered 413; server peak RSS +${grew.toFixed(1)} MiB`);
    expect(grew).toBeLessThan(20);

    const form = new FormData();
    form.set("0", JSON.stringify([{}, "$K1"]));
    form.set("_1_file", new Blob([Buffer.alloc(1.5 * MiB, "a")], { type: "text/csv" }), "big.csv");
    const sized = await fetch(`${server.url}/login`, { method: "POST", headers: { "next-action": action, origin: server.url }, body: form });
    expect(sized.status).toBe(413);
    expect(((await sized.json()) as Sent["json"]).error?.code).toBe("payload_too_large");
    expect(fingerprint(file)).toEqual(before);
  });
});
