import "server-only";
import type { Db } from "@/db/client";
import { listActions } from "@/db/queries/actions";
import { followedIds } from "@/db/queries/follows";
import type { ActionListParams } from "@/lib/validation/lists";

/** One page of the follow-ups list with the ids of its rows the viewer follows (their Follow buttons). */
export async function actionListPage(db: Db, p: { params: ActionListParams; today: string; userId: string }) {
  const page = await listActions(db, { ...p.params, today: p.today });
  return { ...page, followed: [...(await followedIds(db, { userId: p.userId, type: "action", ids: page.rows.map((r) => r.id) }))] };
}
export type ActionListPage = Awaited<ReturnType<typeof actionListPage>>;
