import { markRead, unreadCount } from "@/db/queries/notifications";
import { apiRoute, readJson } from "@/server/http";
import { UserError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { markReadSchema } from "@/lib/validation/notifications";

/** Marks the caller's own notices read: `{ ids: [...] }` or `{ all: true }`. Others' ids are ignored. */
export const POST = apiRoute("read", async ({ req, db, actor }) => {
  if (!actor.userId) throw new UserError("forbidden", "Notifications belong to a signed-in user; an API token has none.");
  const body = parseInput(markReadSchema, await readJson(req));
  const marked = await markRead(db, { userId: actor.userId, ids: "all" in body ? "all" : body.ids });
  return { data: { marked, unread: await unreadCount(db, actor.userId) } };
});
