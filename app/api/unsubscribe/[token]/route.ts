import { getDb } from "@/db";
import { jsonError } from "@/server/http";
import { unsubscribeWithToken } from "@/server/notifications/unsubscribe";

// RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` here without any
// session; the signed token in the path is the only credential and names one user and the kinds it stops.
// The confirmation page's button posts here too and is sent back to the page.
export async function POST(req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params;
  const done = await unsubscribeWithToken(getDb(), token);
  const fromPage = new URLSearchParams(await req.text().catch(() => "")).get("from") === "page";
  if (!done) return jsonError(400, "bad_request", "This unsubscribe link is not valid.");
  if (fromPage) return new Response(null, { status: 303, headers: { Location: `/unsubscribe/${encodeURIComponent(token)}?done=1` } });
  return Response.json({ data: { unsubscribed: done.kinds } });
}
