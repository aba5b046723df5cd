export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Times `n` sequential GETs of a URL; returns p50/p95 in ms of the whole body and p50 of its
 * first chunk (a page that streams sends its shell before the part it is still reading).
 */
export async function timeGets(
  url: string,
  headers: Record<string, string>,
  n: number,
): Promise<{ p50: number; p95: number; firstByteP50: number; status: number; bytes: number }> {
  const times: number[] = [];
  const firsts: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < n + 2; i++) {
    const t0 = performance.now();
    const r = await fetch(url, { headers, redirect: "manual" });
    let first = NaN;
    let size = 0;
    if (r.body)
      for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
        if (Number.isNaN(first)) first = performance.now() - t0;
        size += chunk.byteLength;
      }
    const dt = performance.now() - t0;
    status = r.status;
    bytes = size;
    if (i >= 2) {
      // the first two warm caches and JIT
      times.push(dt);
      firsts.push(first);
    }
  }
  times.sort((a, b) => a - b);
  firsts.sort((a, b) => a - b);
  return { p50: Math.round(percentile(times, 50)), p95: Math.round(percentile(times, 95)), firstByteP50: Math.round(percentile(firsts, 50)), status, bytes };
}
