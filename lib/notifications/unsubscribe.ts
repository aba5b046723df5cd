import type { Db } from "@/db/client";
import { muteKind, turnMailOff } from "@/db/queries/mail-queue";
import { verifyUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-token";

/** Applies a one-click unsubscribe link: only its own user, only its own kind. */
export async function unsubscribeWithToken(db: Db, token: string): Promise<{ kind: UnsubscribeScope } | null> {
  const v = verifyUnsubscribeToken(token);
  if (!v) return null;
  if (v.kind === "all") await turnMailOff(db, v.userId);
  else await muteKind(db, v.userId, v.kind);
  return { kind: v.kind };
}
