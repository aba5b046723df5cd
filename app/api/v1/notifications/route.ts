import { listNotifications, unreadCount } from "@/db/queries/notifications";
import { apiRoute } from "@/server/http";
import { UserError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/common";
import { paramsRecord } from "@/lib/validation/lists";
import { notificationListSchema } from "@/lib/validation/notifications";

/** The caller's own notices, newest first, with the unread count (the bell's). */
export const GET = apiRoute("read", async ({ req, db, actor }) => {
  if (!actor.userId) throw new UserError("forbidden", "Notifications belong to a signed-in user; an API token has none.");
  const p = parseInput(notificationListSchema, paramsRecord(new URL(req.url).searchParams));
  const limit = p.limit ?? 20;
  const rows = await listNotifications(db, { userId: actor.userId, limit: limit + 1, before: p.before, unread: p.unread === "true" });
  const page = rows.slice(0, limit);
  return {
    data: page,
    unread: await unreadCount(db, actor.userId),
    next_cursor: rows.length > limit ? String(page.at(-1)!.id) : null,
  };
});
