import crypto from "node:crypto";
import { BlockList, isIP } from "node:net";

/**
 * The header our own server (scripts/next-server.ts) sets on every request, overwriting whatever
 * the client sent: the client's address as resolved from the socket and `TRUSTED_PROXIES`.
 * Next's `next start` keeps a client's X-Forwarded-For and drops the socket address, so the app
 * cannot learn the address any other way.
 */
export const CLIENT_IP_HEADER = "x-bridgehead-client-ip";
/** Beside it, a per-process secret, so that under a plain `next start` a client cannot write the address. */
export const CLIENT_IP_PROOF_HEADER = "x-bridgehead-client-ip-proof";

// Next runs in the same process as our server, so both see this global; a client never does.
const g = globalThis as unknown as { __bridgeheadClientIpProof?: string };

/** Called once by our server: the proof it will send with every address. */
export function clientIpProof(): string {
  g.__bridgeheadClientIpProof ??= crypto.randomBytes(24).toString("base64url");
  return g.__bridgeheadClientIpProof;
}

/** The client's address from our server's headers, or null when they are missing or not ours. */
export function readClientIp(headers: Headers): string | null {
  const proof = g.__bridgeheadClientIpProof;
  const sent = headers.get(CLIENT_IP_PROOF_HEADER);
  if (!proof || !sent || sent.length !== proof.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(proof))) return null;
  return normalizeIp(headers.get(CLIENT_IP_HEADER));
}

/** A valid IP in its plain form (IPv4-mapped IPv6 unwrapped, brackets and IPv4 ports dropped), or null. */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(s);
  if (mapped) s = mapped[1]!;
  return isIP(s) ? s.toLowerCase() : null;
}

/** Parses `TRUSTED_PROXIES` (comma list of CIDRs or addresses); throws naming a bad entry. */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (!entries.length) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, bits, ...rest] = entry.split("/");
    const ip = normalizeIp(addr);
    const family = ip ? (isIP(ip) === 4 ? "ipv4" : "ipv6") : null;
    const max = family === "ipv4" ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!ip || !family || rest.length || !(prefix >= 0 && prefix <= max))
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR (e.g. 10.0.0.0/8, ::1).`);
    list.addSubnet(ip, prefix, family);
  }
  return list;
}

function trusted(list: BlockList, ip: string): boolean {
  return list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's, unless it is a trusted proxy; then X-Forwarded-For is read
 * right to left, each trusted hop stepping one further, up to the first untrusted address. A value
 * a client wrote at the left of the header is never reached while a trusted proxy appended to it.
 */
export function resolveClientIp(socketAddress: string | null | undefined, forwardedFor: string | null | undefined, proxies: BlockList | null): string | null {
  let ip = normalizeIp(socketAddress);
  if (!ip || !proxies) return ip;
  const hops = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  while (trusted(proxies, ip) && hops.length) {
    const next = normalizeIp(hops.pop());
    // A trusted proxy passing on something that is not an address: keep the last real hop.
    if (!next) break;
    ip = next;
  }
  return ip;
}
