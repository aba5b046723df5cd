"use server";
import { setFollowing } from "@/db/queries/follows";
import { partner, meeting, action } from "@/db/schema";
import { runCommand } from "@/server/auth/command";
import type { CommandResult } from "@/lib/types/command";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { followSchema } from "@/lib/validation/notifications";
import { eq } from "drizzle-orm";

const TABLES = { partner, meeting, action } as const;

/** Follow or unfollow a partner, a meeting or a follow-up: anyone who can read may. */
export async function setFollow(input: unknown): Promise<CommandResult<{ following: boolean }>> {
  return runCommand("read", async ({ db, user }) => {
    const v = parseInput(followSchema, input);
    const table = TABLES[v.recordType];
    if (!(await db.select({ id: table.id }).from(table).where(eq(table.id, v.recordId)).limit(1))[0]) throw new NotFoundError(v.recordType, v.recordId);
    await setFollowing(db, { userId: user.id, type: v.recordType, id: v.recordId, active: v.follow });
    return { following: v.follow };
  });
}
