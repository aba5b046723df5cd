import path from "node:path";

export type Engine = "sqlite" | "pg";

// DATABASE_URL picks the engine for the whole process: a path, a file: URL or :memory: is
// SQLite (the default, data/bridgehead.db); postgres:// or postgresql:// is PostgreSQL. Anything
// else is refused with a message that names the variable. Before, a `postgres://…` value
// silently became a folder named `postgres:` holding a new SQLite database.

const PG = /^postgres(ql)?:\/\//i;

function refuse(message: string): never {
  throw new Error(`DATABASE_URL ${message}`);
}

function schemeOf(url: string): string | undefined {
  // A one-letter "scheme" is a Windows drive (C:\data\bridgehead.db).
  const s = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return s && s.length > 1 ? s : undefined;
}

export function engineOf(url = process.env.DATABASE_URL): Engine {
  if (url === undefined || url.trim() === "") return "sqlite";
  if (/\p{Cc}/u.test(url)) refuse("holds a control character; give a file path, a file: URL, :memory: or a postgres:// URL.");
  const scheme = schemeOf(url);
  if (scheme === "postgres" || scheme === "postgresql") {
    if (!PG.test(url)) refuse(`is not a PostgreSQL URL: write postgres://user:password@host:port/database.`);
    return "pg";
  }
  if (scheme && scheme !== "file") refuse(`has the scheme "${scheme}:", which Bridgehead does not know. Give a file path, a file: URL, :memory: or a postgres:// URL.`);
  return "sqlite";
}

/** The PostgreSQL URL, checked: a host and a database name. */
export function resolvePgUrl(url = process.env.DATABASE_URL ?? ""): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    refuse("is not a valid PostgreSQL URL: write postgres://user:password@host:port/database.");
  }
  if (!u.hostname && !u.searchParams.get("host")) refuse("names no PostgreSQL host: write postgres://user:password@host:port/database.");
  if (u.pathname.length < 2) refuse("names no database: write postgres://user:password@host:port/database.");
  return url;
}

/** `DATABASE_URL` as a SQLite file; default data/bridgehead.db. */
export function resolveDatabasePath(url = process.env.DATABASE_URL): string {
  if (url === undefined || url.trim() === "") return path.join(process.cwd(), "data", "bridgehead.db");
  if (url === ":memory:") return url;
  if (engineOf(url) === "pg") refuse("names a PostgreSQL server; this needs a SQLite file (a path, a file: URL or :memory:).");
  const p = schemeOf(url) === "file" ? url.slice("file:".length).replace(/^\/\/(?=\/)/, "") : url;
  if (!p || p === "//") refuse("is a file: URL without a path; give file:/path/to/bridgehead.db.");
  return path.resolve(p);
}
