import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { preparedDb, reliabilityPort, startServer, tempDbFile, type Server } from "@/scripts/server-process";
import { fingerprint } from "../fingerprint";
import { apiRoutes } from "../routes";
import { edgeString, edgeValue, FIELDS } from "../fuzz-values";

// Property-based fuzzing of every API route: malformed, oversized, wrong-typed, unicode-edge and
// injection-shaped input must get a 4xx with the JSON error shape, never a 5xx, and change nothing.
const FULL = process.env.RELIABILITY_FULL === "1";
const TOTAL = FULL ? 10_000 : 1_500;

const body = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom(...FIELDS), edgeValue, { maxKeys: 8 }).map((o) => JSON.stringify(o)),
  edgeString,
  fc.constant("{"),
  fc.constant('{"title":'),
  fc.constant(""),
);
// Path ids never name an existing record: archive/restore of a real id is a valid request.
const segment = fc
  .oneof(fc.constantFrom("999999", "0", "-1", "abc", "1.5", "%00", "..%2F..%2F", "' or 1=1", "重庆", "9".repeat(30)), fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent))
  .filter((s) => !/^0*[1-9]\d{0,4}$/.test(decodeURIComponent(s).trim()));
const query = fc.dictionary(fc.constantFrom("q", "limit", "cursor", "page", "partner", "from", "to", "status", "format", "lang", "size", "sort"), edgeString, { maxKeys: 4 });

let server: Server;
let file: string;
let token: string;

beforeAll(async () => {
  file = tempDbFile();
  ({ token } = await preparedDb(file));
  server = await startServer(file, reliabilityPort(0));
}, 120_000);
afterAll(async () => server?.stop());

describe("[RELIABILITY] fuzzing the API", () => {
  it(`answers ${TOTAL} malformed requests with 4xx JSON errors and changes nothing`, async () => {
    const routes = apiRoutes().filter((r) => r.pattern !== "/api/v1/bench-floor");
    expect(routes.length).toBeGreaterThan(0);
    const before = fingerprint(file);
    const failures: string[] = [];
    let sent = 0;
    const perRoute = Math.ceil(TOTAL / routes.reduce((n, r) => n + r.methods.length, 0));
    for (const route of routes)
      for (const method of route.methods) {
        const samples = fc.sample(fc.tuple(fc.array(segment, { minLength: route.params.length, maxLength: route.params.length }), query, body), perRoute);
        for (const [segs, q, b] of samples) {
          let i = 0;
          const pathname = route.pattern.replace(/\[\[?[^\]]+\]\]?/g, () => segs[i++] ?? "1");
          const url = `${server.url}${pathname}?${new URLSearchParams(q).toString()}`;
          const r = await fetch(url, {
            method,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: method === "GET" ? undefined : b,
          });
          sent++;
          const text = await r.text();
          if (r.status >= 500) failures.push(`${method} ${pathname}?${new URLSearchParams(q).toString()} ${method === "GET" ? "" : String(b).slice(0, 120)} → ${r.status}: ${text.slice(0, 200)}`);
          else if (r.status >= 400) {
            let ok = false;
            try {
              const j = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
              ok = typeof j.error?.code === "string" && typeof j.error?.message === "string";
            } catch {
              ok = false;
            }
            // 405: method not served; 414/431: Node's own URL/header size limit, before the app.
            if (!ok && ![405, 414, 431].includes(r.status)) failures.push(`${method} ${pathname} → ${r.status} without the JSON error shape: ${text.slice(0, 120)}`);
          } else if (method !== "GET") failures.push(`${method} ${pathname} accepted fuzz input (${r.status}): ${String(b).slice(0, 120)}`);
        }
      }
    // Paths no route serves, including ones URL normalisation rewrites ('.', '..', a trailing
    // slash), answer in the JSON error shape too.
    for (const pathname of ["/api/v1/exports/.", "/api/v1/exports/..", "/api/.", "/api/", "/api", "/api/v1/", "/api/v2/meetings", "/api/nope", "/api/v1/meetings/1/nope"])
      for (const method of ["GET", "POST", "PATCH", "DELETE"]) {
        const r = await fetch(`${server.url}${pathname}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: method === "GET" ? undefined : "{}",
        });
        sent++;
        const j = (await r.json().catch(() => null)) as { error?: { code?: string } } | null;
        if (r.status !== 404 || j?.error?.code !== "not_found") failures.push(`${method} ${pathname} → ${r.status} ${JSON.stringify(j)}`);
      }
    // Oversized bodies are refused before parsing.
    for (const route of routes.filter((x) => x.methods.includes("POST"))) {
      const pathname = route.pattern.replace(/\[\[?[^\]]+\]\]?/g, "1");
      const r = await fetch(`${server.url}${pathname}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ title: "x".repeat(2_000_000) }),
      });
      sent++;
      if (r.status >= 500 || r.status < 400) failures.push(`oversized POST ${pathname} → ${r.status}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL);
    expect(fingerprint(file)).toEqual(before);
  }, 600_000);
});
