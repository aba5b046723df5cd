import crypto from "node:crypto";
import { and, getTableColumns, gt, sql, type Column, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Statement } from "better-sqlite3";
import pg from "pg";
import type { Db } from "../client";
import { ON_PG } from "../dialect";
import { decodeCursor, encodeCursor } from "./paging";
import { pageSize } from "./common";

// The API lists' fast read (issue 19): the same keyset page as cursorPage (paging.ts), the same
// filter (the list's own `where`), but without drizzle's select builder and row mapping on every
// request. The select list is rendered once per table and column list; the filter, keyset and
// limit are rendered with drizzle's dialect (so parameters are encoded as drizzle encodes them);
// the statement is prepared once per SQL text (better-sqlite3) or sent as a named prepared query
// (node-postgres), and the rows come back as arrays of driver values. `decoders` turn a driver
// value into what drizzle's select would have put in the row object (the column's own
// mapFromDriverValue, null stays null), so callers can encode straight to JSON.

export interface ListShape {
  /** The columns, in the caller's key order. */
  keys: readonly string[];
  columns: readonly Column[];
  decoders: readonly ((v: unknown) => unknown)[];
  idIndex: number;
}

export interface RawListPage {
  shape: ListShape;
  rows: unknown[][];
  next_cursor: string | null;
}

interface TableState {
  shape: ListShape;
  select: string;
  idColumn: SQLiteColumn;
  /** better-sqlite3 statements by the SQL text after the select list (SQLite only). */
  statements: Map<string, Statement>;
}

/** Different filters give different SQL texts (a search's tokens, say); the cache stays small. */
const MAX_STATEMENTS_PER_TABLE = 256;

// Per connection: a better-sqlite3 statement belongs to its Database, a pg name to its pool.
const states = new WeakMap<object, Map<SQLiteTable, TableState>>();

type Dialect = { sqlToQuery: (s: SQL) => { sql: string; params: unknown[] } };

function dialectOf(db: Db): Dialect {
  return (db as unknown as { dialect: Dialect }).dialect;
}

function tableState(db: Db, table: SQLiteTable, keys: readonly string[]): TableState {
  let byTable = states.get(db.$client);
  if (!byTable) states.set(db.$client, (byTable = new Map<SQLiteTable, TableState>()));
  let s = byTable.get(table);
  if (s && s.shape.keys.length === keys.length && s.shape.keys.every((k, i) => k === keys[i])) return s;
  const all = getTableColumns(table) as Record<string, SQLiteColumn>;
  const columns = keys.map((k) => {
    const c = all[k];
    if (!c) throw new Error(`The list's key ${k} is not a column of its table.`);
    return c;
  });
  const idIndex = keys.indexOf("id");
  if (idIndex < 0 || !all.id) throw new Error("A cursor list needs an id column.");
  const select = db
    .select(Object.fromEntries(keys.map((k, i) => [k, columns[i]!])))
    .from(table)
    .toSQL().sql;
  const decoders = columns.map((c) => (v: unknown) => (v === null ? null : c.mapFromDriverValue(v)));
  s = { shape: { keys: [...keys], columns, decoders, idIndex }, select, idColumn: all.id, statements: new Map() };
  byTable.set(table, s);
  return s;
}

// What drizzle's node-postgres session asks for: instants, dates and intervals as the server's
// text, which the columns' mapFromDriverValue then parse (so both paths decode alike).
const RAW_TEXT = new Set<number>([pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.TIMESTAMP, pg.types.builtins.DATE, pg.types.builtins.INTERVAL, 1231, 1115, 1185, 1187, 1182]);
const pgTypes = {
  getTypeParser: (typeId: number): ((v: string) => unknown) => (RAW_TEXT.has(typeId) ? (v: string) => v : (pg.types.getTypeParser(typeId) as (v: string) => unknown)),
};

/**
 * The keyset page cursorPage reads (rows in id order after the cursor, `limit` of them and
 * whether there are more), as arrays of driver values in `keys` order.
 */
export async function rawCursorPage(
  db: Db,
  table: SQLiteTable,
  keys: readonly string[],
  where: SQL | undefined,
  p: { limit?: number; cursor?: string },
): Promise<RawListPage> {
  const state = tableState(db, table, keys);
  const limit = pageSize(p.limit, 50);
  const after = decodeCursor(p.cursor);
  const cond = and(where, after === null ? undefined : gt(state.idColumn, after));
  const tail = dialectOf(db).sqlToQuery(
    cond ? sql` where ${cond} order by ${state.idColumn} asc limit ${limit + 1}` : sql` order by ${state.idColumn} asc limit ${limit + 1}`,
  );
  let rows: unknown[][];
  if (ON_PG) {
    const text = state.select + tail.sql;
    const name = `bh_list_${crypto.createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    const pool = db.$client as unknown as pg.Pool;
    rows = (await pool.query({ name, text, values: tail.params, rowMode: "array", types: pgTypes } as pg.QueryConfig)).rows as unknown[][];
  } else {
    let stmt = state.statements.get(tail.sql);
    if (!stmt) {
      if (state.statements.size >= MAX_STATEMENTS_PER_TABLE) state.statements.clear();
      stmt = db.$client.prepare(state.select + tail.sql).raw(true);
      state.statements.set(tail.sql, stmt);
    }
    rows = stmt.all(...tail.params) as unknown[][];
  }
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows.at(-1);
  return { shape: state.shape, rows, next_cursor: more && last ? encodeCursor(state.shape.decoders[state.shape.idIndex]!(last[state.shape.idIndex]) as number) : null };
}
