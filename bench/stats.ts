export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Times `n` sequential GETs of a URL (full body read); returns p50/p95 in ms. */
export async function timeGets(url: string, headers: Record<string, string>, n: number): Promise<{ p50: number; p95: number; status: number; bytes: number }> {
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < n + 2; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers, redirect: "manual" });
    const b = await r.arrayBuffer();
    const dt = performance.now() - t0;
    status = r.status;
    bytes = b.byteLength;
    if (i >= 2) times.push(dt); // the first two warm caches and JIT
  }
  times.sort((a, b) => a - b);
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), status, bytes };
}
