import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { session } from "@/db/schema";
import { getAuth } from "./server";

/** However active, a session ends this long after its sign-in; then the password is asked again. */
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60_000;

export function sessionOutlived(createdAt: Date, now = Date.now()): boolean {
  return now - createdAt.getTime() > SESSION_MAX_AGE_MS;
}

/** better-auth's session for these headers, unless it has outlived SESSION_MAX_AGE_MS (then it is deleted). */
export async function getLiveSession(headers: Headers) {
  const s = await getAuth().api.getSession({ headers });
  if (!s) return null;
  if (sessionOutlived(new Date(s.session.createdAt))) {
    await getDb().delete(session).where(eq(session.id, s.session.id));
    return null;
  }
  return s;
}
