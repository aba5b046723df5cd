/**
 * Reads a request body, counting bytes as they arrive, chunked or not: null as soon as it goes
 * over `limit`, without reading the rest. `Content-Length` alone is no bound, since a chunked
 * body has none.
 */
export async function readBodyUpTo(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Whether a Content-Length header already says the body is over `limit`. */
export function declaredOver(headers: Headers, limit: number): boolean {
  const len = Number(headers.get("content-length") ?? "0");
  return Number.isFinite(len) && len > limit;
}
