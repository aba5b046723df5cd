// Serves the production build like `next start`, with one addition: every request carries the
// client's address, resolved from the socket and TRUSTED_PROXIES, in a header the client cannot
// set (it is overwritten). Next itself drops the socket address when a client sends
// X-Forwarded-For, so without this the app could only trust what the client wrote.
import http from "node:http";
import next from "next";
import { AWAIT_DATABASE_ENV, DATABASE_READY } from "./build";
import { CLIENT_IP_HEADER, CLIENT_IP_PROOF_HEADER, clientIpProof, parseTrustedProxies, resolveClientIp } from "@/lib/client-ip";

async function main() {
  const port = Number(process.argv[2] ?? process.env.PORT ?? "3000");
  const proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  const proof = clientIpProof();
  let warmed = false;
  const databaseReady = awaitDatabase();
  // The notification scheduler (started inside Next, instrumentation.ts) waits for it too.
  (globalThis as { __bridgeheadDatabaseReady?: Promise<void> }).__bridgeheadDatabaseReady = databaseReady;
  await app.prepare();
  await databaseReady;
  const server = http.createServer((req, res) => {
    const xff = req.headers["x-forwarded-for"];
    const ip = resolveClientIp(req.socket.remoteAddress, Array.isArray(xff) ? xff.join(",") : xff, proxies);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    else delete req.headers[CLIENT_IP_HEADER];
    req.headers[CLIENT_IP_PROOF_HEADER] = proof;
    if (!warmed) {
      warmed = true;
      res.once("finish", () => setImmediate(() => void preloadRoutes(app)));
    }
    void handle(req, res);
  });
  server.listen(port, () => console.log(`Listening on port ${port}${proxies ? " (X-Forwarded-For read from TRUSTED_PROXIES)" : ""}`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.close(() => process.exit(0)));
}

/** Started by `npm start` during the migration: ready when it says so (scripts/start.ts). */
function awaitDatabase(): Promise<void> {
  if (process.env[AWAIT_DATABASE_ENV] !== "1" || !process.send) return Promise.resolve();
  return new Promise((resolve) => {
    const onMessage = (m: unknown) => {
      if (m !== DATABASE_READY) return;
      process.off("message", onMessage);
      resolve();
    };
    process.on("message", onMessage);
  });
}

/**
 * Loads every route's server code once the first request has been answered. Next would do this
 * at start (`preloadEntriesOnStart`, off in next.config.js): on two cores that doubled the time
 * to the first answer, since the first page waited behind forty others. Later first visits of a
 * route still find its code loaded. `unstable_preloadEntries` is Next's own preload; without it
 * (another Next version) routes load on their first request, as they would anyway.
 */
async function preloadRoutes(app: ReturnType<typeof next>): Promise<void> {
  // The custom server's wrapper → Next's server wrapper → the Node server that holds the preload.
  type NodeServer = { unstable_preloadEntries?: () => Promise<void> };
  const wrapper = (app as unknown as { server?: { getServer?: () => Promise<NodeServer> } }).server;
  try {
    await (await wrapper?.getServer?.())?.unstable_preloadEntries?.();
  } catch (e) {
    console.warn("Preloading the routes failed; each loads on its first request:", e instanceof Error ? e.message : e);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
