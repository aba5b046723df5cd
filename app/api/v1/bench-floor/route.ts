import crypto from "node:crypto";
import { jsonError } from "@/server/http";

// The benchmark's floor: a handler of this same app that answers a precomputed body of a given
// size without touching the database, so `npm run bench` can report app/floor ratios. It only
// answers when the server was started with BENCH_FLOOR_TOKEN_SHA256 and the caller presents
// the matching bearer token; otherwise it is a 401 like any other API route.
const bodies = new Map<number, string>();

function body(bytes: number): string {
  let b = bodies.get(bytes);
  if (!b) {
    const pad = Math.max(0, bytes - '{"data":[],"pad":""}'.length);
    b = JSON.stringify({ data: [], pad: "x".repeat(pad) });
    bodies.set(bytes, b);
  }
  return b;
}

export function GET(req: Request): Response {
  const expected = process.env.BENCH_FLOOR_TOKEN_SHA256;
  const auth = req.headers.get("authorization") ?? "";
  const given = crypto.createHash("sha256").update(auth.replace(/^Bearer\s+/i, "")).digest("hex");
  if (!expected || !auth.toLowerCase().startsWith("bearer ") || given !== expected)
    return jsonError(401, "unauthorized", "Sign in or send an API token (Authorization: Bearer).");
  const bytes = Math.min(Math.max(Number(new URL(req.url).searchParams.get("bytes")) || 1024, 2), 1_000_000);
  return new Response(body(bytes), { headers: { "content-type": "application/json" } });
}
