import { NextResponse, type NextRequest } from "next/server";
import { isDecodableTextReply } from "@/lib/command-reply";
import { declaredOver, readBodyUpTo } from "@/lib/body-limit";
import { HSTS, servesHttps } from "@/lib/https";

/** Next's default `serverActions.bodySizeLimit`. */
const ACTION_BODY_LIMIT = 1024 * 1024;

const refuse = (status: number, code: string, message: string) =>
  // The unread rest of an oversized body is not wanted: close instead of draining it.
  NextResponse.json({ error: { code, message } }, { status, headers: status === 413 ? { connection: "close" } : {} });

/**
 * Next's own check of a server-action call's Origin (against X-Forwarded-Host, else Host), which
 * it answers with a 500. A call without an Origin is let through as Next does.
 */
function foreignOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Server-action calls Next would answer with a 500 of its own: from a foreign Origin, over its
 * 1 MB body limit (counted as the bytes arrive, form uploads and chunked bodies included), or
 * with arguments React cannot decode. Refused here with a 4xx before the action.
 */
async function refuseBadAction(request: NextRequest): Promise<NextResponse | null> {
  if (foreignOrigin(request)) return refuse(403, "forbidden", "Cross-site request refused.");
  const tooLarge = () => refuse(413, "payload_too_large", "The request is over 1 MB.");
  if (declaredOver(request.headers, ACTION_BODY_LIMIT)) return tooLarge();
  const bytes = await readBodyUpTo(request.body, ACTION_BODY_LIMIT);
  if (!bytes) return tooLarge();
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data") && !isDecodableTextReply(new TextDecoder().decode(bytes)))
    return refuse(400, "bad_request", "The request could not be read. Reload the page and try again.");
  return null;
}

// A fresh nonce per request: Next applies it to its own scripts, so no inline script runs
// without it. Styles keep 'unsafe-inline' for style attributes (charts, Radix positioning).
export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refused = await refuseBadAction(request);
    if (refused) return refused;
  }
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (servesHttps()) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)" }],
};
