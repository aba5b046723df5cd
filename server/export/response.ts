import "server-only";
// How every export answers: the file as an attachment (with a UTF-8 filename), never cached.
import type { ExportResult } from "./reports";

export function exportResponse(out: ExportResult): Response {
  const headers = new Headers({
    "content-type": out.contentType,
    "content-disposition": `attachment; filename="${out.filename}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  if (out.rows !== null) headers.set("x-export-rows", String(out.rows));
  return new Response(out.body, { headers });
}

/** The reader's zone from the browser's `bh_tz` cookie: briefings say when they were prepared in it. */
export function viewerZoneOf(req: Request): string | null {
  const tz = req.headers.get("cookie")?.match(/(?:^|;\s*)bh_tz=([^;]+)/)?.[1];
  return tz ? decodeURIComponent(tz) : null;
}
