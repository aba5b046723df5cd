import crypto from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { isNotificationKind, type NotificationKind } from "./kinds";

/** A kind, or "all": a digest's header link turns its mail off altogether. */
export type UnsubscribeScope = NotificationKind | "all";

// A one-click unsubscribe link names one user and one kind, signed with the server's secret:
// it works without signing in, and cannot be altered to unsubscribe anyone or anything else.

function sign(payload: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(`unsubscribe:${payload}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: UnsubscribeScope, secret = authSecret()): string {
  const payload = Buffer.from(JSON.stringify([userId, kind])).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

export function verifyUnsubscribeToken(token: string, secret = authSecret()): { userId: string; kind: UnsubscribeScope } | null {
  const [payload, mac, extra] = token.split(".");
  if (!payload || !mac || extra !== undefined || token.length > 1000) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const v = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(v) || v.length !== 2 || typeof v[0] !== "string" || (v[1] !== "all" && !isNotificationKind(v[1]))) return null;
    const kind = v[1] as UnsubscribeScope;
    return { userId: v[0], kind };
  } catch {
    return null;
  }
}
