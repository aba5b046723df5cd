import { and, asc, gt, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { UserError } from "@/lib/errors";
import { messageKey } from "@/lib/validation/message-key";
import { MAX_PAGE_SIZE, pageSize } from "./common";

// Keyset pagination for the API: rows in id order, the cursor is the last id served (opaque to
// clients). Unlike offsets it never repeats or skips a row when others insert or archive meanwhile.

export interface CursorPage<T> {
  data: T[];
  next_cursor: string | null;
}

export function encodeCursor(id: number): string {
  return Buffer.from(`id:${id}`).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const m = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m) throw new UserError("bad_request", "The cursor is not one this API gave out.", { fields: { cursor: [messageKey("invalidCursor")] } });
  return Number(m[1]);
}

/** Adds the keyset condition and order; `run` executes the query with them and a limit. */
export async function cursorPage<T extends { id: number }>(
  idColumn: SQLiteColumn,
  where: SQL | undefined,
  p: { limit?: number; cursor?: string },
  run: (where: SQL | undefined, order: SQL, limit: number) => Promise<T[]>,
): Promise<CursorPage<T>> {
  const limit = pageSize(p.limit, 50);
  const after = decodeCursor(p.cursor);
  const rows = await run(and(where, after === null ? undefined : gt(idColumn, after)), asc(idColumn), limit + 1);
  const more = rows.length > limit;
  const data = more ? rows.slice(0, limit) : rows;
  return { data, next_cursor: more ? encodeCursor(data.at(-1)!.id) : null };
}

export { MAX_PAGE_SIZE };
