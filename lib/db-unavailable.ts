// Losing the database (PostgreSQL restarting, a network cut, a full connection table) is not a
// bug in the request: it is answered 503 with a plain message, the process keeps running, and
// the pool connects again by itself on a later request (db/client.ts).

// node's socket errors on connect or while a query is in flight.
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// SQLSTATE 57P01 admin_shutdown (pg_ctl stop -m fast), 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up or shutting down), 53300 too_many_connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// node-postgres says these without a code when the socket closes or the pool cannot connect in time.
const PG_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

function isLoss(e: unknown): boolean {
  if (!e || typeof e !== "object") return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === "string" && PG_MESSAGES.test(message);
}

/** Whether the error (or one it wraps: drizzle's DrizzleQueryError, AggregateError) says the database is out of reach. */
export function isDatabaseUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  const queue = [e];
  while (queue.length) {
    const x = queue.shift();
    if (!x || typeof x !== "object" || seen.has(x)) continue;
    seen.add(x);
    if (isLoss(x)) return true;
    queue.push((x as { cause?: unknown }).cause);
    if (x instanceof AggregateError) queue.push(...(x.errors as unknown[]));
  }
  return false;
}

/** Seconds a client should wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_MESSAGE = "The database cannot be reached right now, so this request may not have been saved. Try again in a moment.";
