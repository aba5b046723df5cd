import crypto from "node:crypto";
import { authSecret } from "@/server/auth/secret";
import { isNotificationKind, type NotificationKind } from "@/lib/notifications/kinds";

// A one-click unsubscribe link names one user and the kinds of mail it stops (one kind for a body
// link or a single notice; a digest's header link names the kinds that digest carried), signed
// with the server's secret: it works without signing in, and cannot be altered to unsubscribe
// anyone or anything else.

function sign(payload: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kinds: NotificationKind | NotificationKind[], secret = authSecret()): string {
  const list = [...new Set(Array.isArray(kinds) ? kinds : [kinds])].sort();
  const payload = Buffer.from(JSON.stringify([userId, list.length === 1 ? list[0] : list])).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyUnsubscribeToken(token: string, secret = authSecret()): { userId: string; kinds: NotificationKind[] } | null {
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined || token.length > 1000) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const v = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string") return null;
    const kinds: unknown[] = Array.isArray(v[1]) ? v[1] : [v[1]];
    if (!kinds.length || !kinds.every(isNotificationKind)) return null;
    return { userId: v[0], kinds };
  } catch {
    return null;
  }
}
