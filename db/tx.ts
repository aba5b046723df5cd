import { AsyncLocalStorage } from "node:async_hooks";
import type { SQL } from "drizzle-orm";
import {
  SQLiteDeleteBase,
  SQLiteInsertBase,
  SQLiteSelectBase,
  SQLiteUpdateBase,
} from "drizzle-orm/sqlite-core";
import { SQLiteRelationalQuery } from "drizzle-orm/sqlite-core/query-builders/query";
import type { Db, Tx } from "./client";
import { withTransaction } from "./pg-context";

// Transactions that hold across `await` on both engines.
//
// PostgreSQL gives each transaction its own pooled connection. better-sqlite3 has one
// connection per process and drizzle's transactions on it are synchronous, so an async body
// would commit before its first `await` returns. Here a SQLite transaction is BEGIN IMMEDIATE …
// COMMIT on that connection, held by a gate: while it is open, a query from any other async
// context (another request) waits until it ends, so nothing can interleave with an open
// transaction, read its uncommitted rows, or be rolled back with it.

interface Gate {
  owner: symbol | null;
  waiters: (() => void)[];
}

const gates = new WeakMap<object, Gate>();
/** The transaction this async context runs inside: its connection and its token. */
const holder = new AsyncLocalStorage<{ client: object; token: symbol }>();

function gateOf(client: object): Gate {
  let g = gates.get(client);
  if (!g) {
    g = { owner: null, waiters: [] };
    gates.set(client, g);
  }
  return g;
}

/** Resolves when this context may use `client`; null when it may now. */
export function gateWait(client: object): Promise<void> | null {
  const g = gates.get(client);
  if (!g || g.owner === null) return null;
  const mine = holder.getStore();
  if (mine && mine.client === client && mine.token === g.owner) return null;
  return new Promise((resolve) => g.waiters.push(resolve));
}

function release(g: Gate) {
  g.owner = null;
  for (const wake of g.waiters.splice(0)) wake();
}

// Every drizzle query on SQLite runs when it is awaited (`then`), so that is where it waits
// for the gate. The four builders and the relational query are all the statement kinds drizzle has.
for (const cls of [SQLiteSelectBase, SQLiteInsertBase, SQLiteUpdateBase, SQLiteDeleteBase, SQLiteRelationalQuery]) {
  const proto = cls.prototype as unknown as {
    then: (this: { session?: { client?: object } }, ok?: unknown, fail?: unknown) => Promise<unknown>;
    __gated?: true;
  };
  if (proto.__gated) continue;
  const original = proto.then;
  proto.then = function (this: { session?: { client?: object } }, ok?: unknown, fail?: unknown) {
    const client = this.session?.client;
    const wait = client ? gateWait(client) : null;
    if (wait) return wait.then(() => proto.then.call(this, ok, fail));
    return original.call(this, ok, fail);
  };
  proto.__gated = true;
}

export function isSqlite(db: Tx): boolean {
  return typeof (db.$client as { prepare?: unknown } | undefined)?.prepare === "function";
}

let savepoints = 0;

type Sqlite = Db["$client"];

/**
 * BEGIN IMMEDIATE without blocking the event loop: while another connection (a CLI, a second
 * process) holds the write lock, better-sqlite3's busy_timeout would wait synchronously and stall
 * every request of this process, including the one whose transaction holds it in this process.
 * Here the wait is asynchronous, with the same overall limit.
 */
async function beginImmediate(client: Sqlite) {
  const timeout = client.pragma("busy_timeout", { simple: true }) as number;
  const deadline = Date.now() + timeout;
  for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
    client.pragma("busy_timeout = 0");
    try {
      client.exec("begin immediate");
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw e;
    } finally {
      client.pragma(`busy_timeout = ${timeout}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * Runs `fn` in one transaction: everything or nothing. Inside another transaction it nests as a
 * savepoint. SQLite transactions start IMMEDIATE (the write lock up front, so two writers never
 * deadlock upgrading a read lock).
 */
export async function inTransaction<T>(db: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isSqlite(db)) {
    return (db as unknown as { transaction: (f: (tx: Tx) => Promise<T>) => Promise<T> }).transaction((tx) => withTransaction(db, tx, () => fn(tx)));
  }
  const client = db.$client;
  const mine = holder.getStore();
  const g = gateOf(client);
  if (mine && mine.client === client && mine.token === g.owner) {
    const name = `sp_${++savepoints}`;
    client.exec(`savepoint ${name}`);
    try {
      const result = await fn(db);
      client.exec(`release savepoint ${name}`);
      return result;
    } catch (e) {
      client.exec(`rollback to savepoint ${name}`);
      client.exec(`release savepoint ${name}`);
      throw e;
    }
  }
  while (g.owner !== null) await new Promise<void>((resolve) => g.waiters.push(resolve));
  const token = Symbol("tx");
  g.owner = token;
  try {
    await beginImmediate(client);
  } catch (e) {
    release(g);
    throw e;
  }
  try {
    const result = await holder.run({ client, token }, () => fn(db));
    client.exec("commit");
    return result;
  } catch (e) {
    if (client.inTransaction) client.exec("rollback");
    throw e;
  } finally {
    release(g);
  }
}

type Row = Record<string, unknown>;

/** Raw SQL returning rows, on either engine. */
export async function rawAll<T = Row>(db: Tx, query: SQL): Promise<T[]> {
  if (isSqlite(db)) {
    const wait = gateWait(db.$client);
    if (wait) await wait;
    return db.all<T>(query);
  }
  const res = await (db as unknown as { execute: (q: SQL) => Promise<{ rows: T[] }> }).execute(query);
  return res.rows;
}

/** Raw SQL returning its first row, on either engine. */
export async function rawGet<T = Row>(db: Tx, query: SQL): Promise<T | undefined> {
  return (await rawAll<T>(db, query))[0];
}

/** Raw SQL run for its effect, on either engine. */
export async function rawRun(db: Tx, query: SQL): Promise<void> {
  if (isSqlite(db)) {
    const wait = gateWait(db.$client);
    if (wait) await wait;
    db.run(query);
    return;
  }
  await (db as unknown as { execute: (q: SQL) => Promise<unknown> }).execute(query);
}


/** The one row a statement returns (an insert's `returning()`, an update of a row known to exist). */
export async function one<T>(rows: PromiseLike<T[]>): Promise<T> {
  const [row] = await rows;
  if (row === undefined) throw new Error("Expected one row, got none.");
  return row;
}

/** How many rows an insert, update or delete touched: SQLite's `changes`, PostgreSQL's `rowCount`. */
export function affected(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
