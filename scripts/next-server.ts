// Serves the production build like `next start`, with one addition: every request carries the
// client's address, resolved from the socket and TRUSTED_PROXIES, in a header the client cannot
// set (it is overwritten). Next itself drops the socket address when a client sends
// X-Forwarded-For, so without this the app could only trust what the client wrote.
import http from "node:http";
import next from "next";
import { CLIENT_IP_HEADER, CLIENT_IP_PROOF_HEADER, clientIpProof, parseTrustedProxies, resolveClientIp } from "@/lib/client-ip";

async function main() {
  const port = Number(process.argv[2] ?? process.env.PORT ?? "3000");
  const proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: false, dir: process.cwd(), port });
  const handle = app.getRequestHandler();
  const proof = clientIpProof();
  await app.prepare();
  const server = http.createServer((req, res) => {
    const xff = req.headers["x-forwarded-for"];
    const ip = resolveClientIp(req.socket.remoteAddress, Array.isArray(xff) ? xff.join(",") : xff, proxies);
    if (ip) req.headers[CLIENT_IP_HEADER] = ip;
    else delete req.headers[CLIENT_IP_HEADER];
    req.headers[CLIENT_IP_PROOF_HEADER] = proof;
    void handle(req, res);
  });
  server.listen(port, () => console.log(`Listening on port ${port}${proxies ? " (X-Forwarded-For read from TRUSTED_PROXIES)" : ""}`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.close(() => process.exit(0)));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
