import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { follow } from "../schema";
import type { FollowableType } from "@/lib/notifications/kinds";

export async function isFollowing(db: Db, p: { userId: string; type: FollowableType; id: number }): Promise<boolean> {
  const row = (await db
    .select({ active: follow.active })
    .from(follow)
    .where(and(eq(follow.userId, p.userId), eq(follow.recordType, p.type), eq(follow.recordId, p.id))).limit(1))[0];
  return row?.active ?? false;
}

/** Follow or unfollow; an unfollow is kept as a row so a default follow does not return. */
export async function setFollowing(db: Db, p: { userId: string; type: FollowableType; id: number; active: boolean }): Promise<void> {
  await db.insert(follow)
    .values({ userId: p.userId, recordType: p.type, recordId: p.id, active: p.active })
    .onConflictDoUpdate({ target: [follow.userId, follow.recordType, follow.recordId], set: { active: p.active, updatedAt: new Date() } });
}

/** Which of these records the user follows: one query for a list's Follow buttons. */
export async function followedIds(db: Db, p: { userId: string; type: FollowableType; ids: number[] }): Promise<Set<number>> {
  if (!p.ids.length) return new Set();
  const rows = await db
    .select({ id: follow.recordId })
    .from(follow)
    .where(and(eq(follow.userId, p.userId), eq(follow.recordType, p.type), eq(follow.active, true), inArray(follow.recordId, p.ids)));
  return new Set(rows.map((r) => r.id));
}
