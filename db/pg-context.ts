import { AsyncLocalStorage } from "node:async_hooks";

// On PostgreSQL a transaction is its own pooled connection, reached through drizzle's `tx`. Code
// inside inTransaction that calls a query function with the outer `db` (as SQLite allows, having
// one connection) would run outside the transaction, unseen by it and able to deadlock on its row
// locks. So the app's `db` is a proxy: inside a transaction, in the same async context, every call
// goes to that transaction.

const current = new AsyncLocalStorage<{ root: object; tx: object }>();
/** Each drizzle transaction object's app-level root (the proxy), so nested ones find it. */
const roots = new WeakMap<object, object>();

export function routeToTransaction<T extends object>(root: T): T {
  const proxy: T = new Proxy(root, {
    get(target, prop) {
      // The pool stays the pool: tx objects have no $client.
      if (prop === "$client") return Reflect.get(target, prop, target) as unknown;
      const store = current.getStore();
      const actual = store && store.root === proxy ? store.tx : target;
      const value = Reflect.get(actual, prop, actual) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(actual) : value;
    },
  });
  return proxy;
}

/**
 * Runs `fn` with `tx` as the transaction behind the app's db, where `outer` is the db or
 * transaction handle the transaction was started from.
 */
export function withTransaction<R>(outer: object, tx: object, fn: () => R): R {
  const root = roots.get(outer) ?? outer;
  roots.set(tx, root);
  return current.run({ root, tx }, fn);
}
