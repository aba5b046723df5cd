import type { Db, Tx } from "./client";
import { isSqlite } from "./tx";

// Whole-table aggregates (meetings per partner and month, actions per status) cost a table scan;
// at 100k meetings that is hundreds of milliseconds. Their results are kept per connection until
// anything is written: `total_changes()` counts this connection's writes and `data_version`
// changes when another connection (a CLI, a second process) commits, so a stale answer is never
// served.

const MAX_ENTRIES = 64;
const caches = new WeakMap<object, Map<string, { stamp: string; value: unknown }>>();

/** Per connection: how many of its changes were rows no kept aggregate reads (see notKept). */
const unread = new WeakMap<object, number>();

function stamp(db: Db): string {
  const sqlite = db.$client;
  const version = sqlite.pragma("data_version", { simple: true }) as number;
  const changes = (sqlite.prepare("select total_changes() as n").get() as { n: number }).n - (unread.get(sqlite) ?? 0);
  return `${version}:${changes}`;
}

/**
 * `rows` rows just written on this connection that no kept aggregate reads: the audit trail's
 * own row of an export or a sign-in. Without this every export (each writes its audit row) threw
 * away every kept count, so the next page, and the next export, counted from scratch. Only rows
 * counted here are left out; the change the row records was written beside it and still counts.
 */
export function notKept(db: Tx, rows: number): void {
  if (!isSqlite(db)) return;
  const sqlite = db.$client;
  unread.set(sqlite, (unread.get(sqlite) ?? 0) + rows);
}

/**
 * `compute()` once per `key` until the database changes. On PostgreSQL nothing is kept: several
 * instances write to one server, and a cache in one process's memory would serve another's
 * stale totals.
 */
export async function memoAggregate<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  if (!isSqlite(db)) return compute();
  const sqlite = db.$client;
  let cache = caches.get(sqlite);
  if (!cache) {
    cache = new Map<string, { stamp: string; value: unknown }>();
    caches.set(sqlite, cache);
  }
  const now = stamp(db);
  const hit = cache.get(key);
  if (hit && hit.stamp === now) return hit.value as T;
  const value = await compute();
  // Kept under the stamp read before computing: a write meanwhile makes the next call recompute.
  cache.delete(key);
  cache.set(key, { stamp: now, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

/**
 * A list's total, kept like any aggregate: the first page of /actions counts every live follow-up
 * (3M at 1M meetings, 80 ms), and paging or re-sorting the same filters counts the same rows again.
 * `filters` names what the count depends on (not the page or the sort).
 */
export async function keptCount(db: Db, list: string, filters: object, count: () => Promise<number>): Promise<number> {
  return await memoAggregate(db, `count:${list}:${JSON.stringify(filters)}`, count);
}
