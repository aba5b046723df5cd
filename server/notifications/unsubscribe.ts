import "server-only";
import type { Db } from "@/db/client";
import { muteKinds } from "@/db/queries/mail-queue";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

/** Applies a one-click unsubscribe link: only its own user, only its own kinds. */
export async function unsubscribeWithToken(db: Db, token: string): Promise<{ kinds: NotificationKind[] } | null> {
  const v = verifyUnsubscribeToken(token);
  if (!v) return null;
  await muteKinds(db, v.userId, v.kinds);
  return { kinds: v.kinds };
}
