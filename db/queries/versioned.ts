import { and, eq, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { diff, lastChangedBy, writeAudit, type Actor } from "../audit";
import type { Db, Tx } from "../client";
import { inTransaction, one } from "../tx";

// The versioned write and the archive switch of every record that carries a version (partners,
// people, meetings, follow-ups, gifts, milestones, visits), in one place: a save against an old
// version is a 409 that writes nothing, and every change moves the version on.

type Versioned = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn };
type Archivable = Versioned & { archivedAt: SQLiteColumn };
type Row<T extends SQLiteTable> = T["$inferSelect"];

/** The row as it is now (an update's "before"); a missing one is a 404. */
export async function currentRow<T extends Versioned>(tx: Tx, table: T, recordType: string, id: number): Promise<Row<T>> {
  const row = (await tx.select().from(table as SQLiteTable).where(eq(table.id, id)).limit(1))[0];
  if (!row) throw new NotFoundError(recordType, id);
  return row;
}

/** After an update matched no row: the record is gone (404) or its version moved on (409). */
export async function staleOrMissing(
  tx: Tx,
  table: SQLiteTable & { id: SQLiteColumn },
  recordType: string,
  id: number,
): Promise<ConflictError | NotFoundError> {
  const current = (await tx.select().from(table).where(eq(table.id, id)).limit(1))[0];
  if (!current) return new NotFoundError(recordType, id);
  return new ConflictError(recordType, current, (await lastChangedBy(tx, recordType, id)));
}

/**
 * Writes `values` to the row at `version` and moves its version on, inside the caller's
 * transaction. A stale version throws ConflictError (with the stored row and who changed it), a
 * missing row NotFoundError; either way nothing is written. The caller writes the audit entry.
 */
export async function updateVersioned<T extends Versioned>(
  tx: Tx,
  table: T,
  recordType: string,
  id: number,
  version: number,
  values: SQLiteUpdateSetSource<T>,
): Promise<Row<T>> {
  const row = (await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1` })
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning())[0];
  if (!row) throw await staleOrMissing(tx, table, recordType, id);
  return row;
}

/**
 * Archives (or restores) a record in one transaction: archived_at set (or cleared), the version
 * moved on, and an "archive" (or "restore") audit entry with the fields that changed. `andThen`
 * runs in the same transaction before the audit entry (a search entry to refresh).
 */
export async function setArchived<T extends Archivable>(
  db: Db,
  actor: Actor,
  table: T,
  recordType: string,
  id: number,
  archived: boolean,
  andThen?: (tx: Tx, row: Row<T>) => Promise<void>,
): Promise<Row<T>> {
  return await inTransaction(db, async (tx) => {
    const before = await currentRow(tx, table, recordType, id);
    const row = (await one(tx
      .update(table)
      .set({ archivedAt: archived ? new Date() : null, version: sql`${table.version} + 1` } as SQLiteUpdateSetSource<T>)
      .where(eq(table.id, id))
      .returning())) as Row<T>;
    await andThen?.(tx, row);
    await writeAudit(tx, actor, { event: archived ? "archive" : "restore", recordType, recordId: id, ...diff(before, row) });
    return row;
  });
}
