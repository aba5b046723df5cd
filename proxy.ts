import { NextResponse, type NextRequest } from "next/server";
import { isDecodableTextReply } from "@/lib/action-reply";
import { HSTS, servesHttps } from "@/lib/https";

/** Next's default `serverActions.bodySizeLimit`. */
const ACTION_BODY_LIMIT = 1024 * 1024;

// A fresh nonce per request: Next applies it to its own scripts, so no inline script runs
// without it. Styles keep 'unsafe-inline' for style attributes (charts, Radix positioning).
export async function proxy(request: NextRequest) {
  // Server-action calls Next would answer with a 500 of its own: over its 1 MB body limit, or
  // arguments React cannot decode. Refused here with a 4xx before the action.
  if (request.method === "POST" && request.headers.has("next-action")) {
    const tooLarge = NextResponse.json({ error: { code: "payload_too_large", message: "The request is over 1 MB." } }, { status: 413 });
    if (Number(request.headers.get("content-length") ?? "0") > ACTION_BODY_LIMIT) return tooLarge;
    if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
      const text = await request.text();
      if (Buffer.byteLength(text) > ACTION_BODY_LIMIT) return tooLarge;
      if (!isDecodableTextReply(text))
        return NextResponse.json({ error: { code: "bad_request", message: "The request could not be read. Reload the page and try again." } }, { status: 400 });
    }
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
