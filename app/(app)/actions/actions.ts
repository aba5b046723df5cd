"use server";
import { listActions } from "@/db/queries/actions";
import { runAction } from "@/lib/auth/action";
import { parseInput } from "@/lib/validation/common";
import { actionListSchema } from "@/lib/validation/lists";
import { viewerTimeZone } from "@/lib/viewer";
import { todayIn } from "@/lib/format";

export async function fetchActionPage(params: Record<string, string>) {
  return runAction("read", async ({ db }) => {
    const { zone } = await viewerTimeZone();
    return listActions(db, { ...parseInput(actionListSchema, params), today: todayIn(zone) });
  });
}
