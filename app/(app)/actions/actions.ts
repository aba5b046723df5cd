"use server";
import { listActions } from "@/db/queries/actions";
import { followedIds } from "@/db/queries/follows";
import { runAction } from "@/server/auth/action";
import { parseInput } from "@/lib/validation/common";
import { actionListSchema } from "@/lib/validation/lists";
import { viewerTimeZone } from "@/server/viewer";
import { todayIn } from "@/lib/format";

export async function fetchActionPage(params: Record<string, string>) {
  return runAction("read", async ({ db, user }) => {
    const { zone } = await viewerTimeZone();
    const page = await listActions(db, { ...parseInput(actionListSchema, params), today: todayIn(zone) });
    return { ...page, followed: [...(await followedIds(db, { userId: user.id, type: "action", ids: page.rows.map((r) => r.id) }))] };
  });
}
