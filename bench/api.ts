// The API lists against the floor route (/api/v1/bench-floor: the same app and bearer-token
// check, a precomputed body of the meetings list's size, no database), with autocannon at 1, 16
// and 64 connections. The floor is measured at each level between the lists, so noise on the
// shared machine falls on both.
import autocannon from "autocannon";

export const API_ROUTES = ["/api/v1/meetings?limit=50", "/api/v1/actions?limit=50", "/api/v1/visits?limit=50"];
export const CONNECTIONS = [1, 16, 64];

export interface Cannon {
  rps: number;
  p99: number;
  errors: number;
}

export interface ApiMeasure {
  connections: number;
  floor: Cannon;
  routes: { route: string; bytes: number; r: Cannon }[];
}

async function cannon(url: string, token: string, connections: number, seconds: number): Promise<Cannon> {
  const r = await autocannon({ url, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  return { rps: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts };
}

async function size(url: string, token: string): Promise<number> {
  const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
  return (await r.arrayBuffer()).byteLength;
}

export async function measureApi(baseUrl: string, token: string, seconds: number): Promise<ApiMeasure[]> {
  const bytes = await Promise.all(API_ROUTES.map((r) => size(baseUrl + r, token)));
  const floorUrl = `${baseUrl}/api/v1/bench-floor?bytes=${bytes[0]}`;
  const out: ApiMeasure[] = [];
  for (const c of CONNECTIONS) {
    const routes: ApiMeasure["routes"] = [];
    for (const [i, route] of API_ROUTES.entries()) routes.push({ route, bytes: bytes[i]!, r: await cannon(baseUrl + route, token, c, seconds) });
    out.push({ connections: c, floor: await cannon(floorUrl, token, c, seconds), routes });
  }
  return out;
}
