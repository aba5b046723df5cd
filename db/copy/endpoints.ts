import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { getTableColumns, getTableName, is, sql, type SQL, type Table } from "drizzle-orm";
import { drizzle as pgDrizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getTableConfig as pgConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { drizzle as sqliteDrizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate as sqliteMigrate } from "drizzle-orm/better-sqlite3/migrator";
import { getTableConfig as sqliteConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { MIGRATIONS_FOLDER, PG_MIGRATIONS_FOLDER } from "../migrate";
import * as pgSchema from "../schema-pg";
import * as sqliteSchema from "../schema-sqlite";
import { TYPE_CODE } from "../search";
import type { SearchType } from "@/lib/types/search";

// The two ends of `npm run db:copy`, one shape for both engines. Each reads a table in primary-key
// order, bytewise for text (PostgreSQL's "C" collation is SQLite's BINARY), so both sides serialise
// their rows in the same order; rows move as the app sees them (Dates, booleans, parsed JSON).

/** A refusal: nothing was written (exit code 2). */
export class CopyRefused extends Error {}

export type Row = Record<string, unknown>;
export type SearchRow = { recordType: string; recordId: number; body: string };
export type Location = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export { PG_MIGRATIONS_FOLDER } from "../migrate";

/** A path, a file: URL or a postgres:// URL; anything else is refused. */
export function parseLocation(value: string, flag: string): Location {
  if (/^postgres(ql)?:\/\//i.test(value)) {
    try {
      const u = new URL(value);
      if (!u.hostname || u.pathname.length < 2) throw new Error("no host or database");
    } catch {
      throw new CopyRefused(`${flag}: not a valid PostgreSQL URL (postgres://user@host:port/database).`);
    }
    return { kind: "postgres", url: value };
  }
  if (value === ":memory:" || value === "") throw new CopyRefused(`${flag}: needs a database file or a postgres:// URL.`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith("file:"))
    throw new CopyRefused(`${flag}: unsupported URL scheme "${value.split(":")[0]}:" (use a file path, file: or postgres://).`);
  const file = value.startsWith("file:") ? value.slice(5).replace(/^\/\/(?=\/)/, "") : value;
  return { kind: "sqlite", file: path.resolve(file) };
}

/** A URL fit for messages: no password. */
export function describeLocation(loc: Location): string {
  if (loc.kind === "sqlite") return loc.file;
  const u = new URL(loc.url);
  if (u.password) u.password = "***";
  return u.toString();
}

function byName<T extends Table>(mod: Record<string, unknown>, cls: typeof SQLiteTable | typeof PgTable): Map<string, T> {
  const out = new Map<string, T>();
  for (const v of Object.values(mod)) if (is(v, cls)) out.set(getTableName(v as Table), v as T);
  return out;
}
const SQLITE_TABLES = byName<SQLiteTable>(sqliteSchema, SQLiteTable);
const PG_TABLES = byName<PgTable>(pgSchema, PgTable);

/** Every table, parents before children (foreign keys), so inserts never wait for a parent. */
export function tablesInFkOrder(): string[] {
  const deps = new Map<string, Set<string>>();
  for (const [name, t] of SQLITE_TABLES) {
    const parents = sqliteConfig(t).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable));
    deps.set(name, new Set(parents.filter((p) => p !== name)));
  }
  const order: string[] = [];
  while (deps.size) {
    const ready = [...deps].filter(([, ps]) => [...ps].every((p) => !deps.has(p))).map(([n]) => n).sort();
    if (!ready.length) throw new Error(`Foreign keys form a cycle among: ${[...deps.keys()].join(", ")}`);
    for (const n of ready) {
      order.push(n);
      deps.delete(n);
    }
  }
  return order;
}

type Migrations = { applied: number[] | null; known: number[] };

export interface End {
  readonly kind: Location["kind"];
  migrations(): Promise<Migrations>;
  /** Row counts of the app's tables (absent tables count 0) and of the search index. */
  counts(): Promise<Map<string, number>>;
  readRows(table: string, batch: number): AsyncGenerator<Row[]>;
  readSearch(batch: number): AsyncGenerator<SearchRow[]>;
  /** Starts the one write transaction and brings the schema to this version's migrations. */
  begin(): Promise<void>;
  insertRows(table: string, rows: Row[]): Promise<void>;
  insertSearch(rows: SearchRow[]): Promise<void>;
  /** Sets identity sequences past the copied ids (PostgreSQL; SQLite needs nothing). */
  afterCopy(): Promise<void>;
  commit(): Promise<void>;
  /** Ends without committing; removes anything half-made. */
  abort(): Promise<void>;
}

const knownMigrations = (folder: string) => readMigrationFiles({ migrationsFolder: folder }).map((m) => m.folderMillis);

function pkColumns(t: Table, pgSide: boolean) {
  const cfg = pgSide ? pgConfig(t as PgTable) : sqliteConfig(t as SQLiteTable);
  // A composite key's columns are the config's copies: match them to the table's own by name.
  const names = (cfg.primaryKeys[0]?.columns ?? cfg.columns.filter((c) => c.primary)).map((c) => c.name);
  return names.map((name) => {
    const [key, col] = Object.entries(getTableColumns(t)).find(([, c]) => c.name === name)!;
    return { key, expr: pgSide && col.dataType === "string" ? sql`${col} collate "C"` : sql`${col}` };
  });
}

/** `(pk…) > (last…)` and `order by pk…`: keyset pages, one index range each. */
function page(t: Table, pgSide: boolean, last: Row | undefined): { where: SQL | undefined; order: SQL[] } {
  const pk = pkColumns(t, pgSide);
  const where = last
    ? sql`(${sql.join(
        pk.map((p) => p.expr),
        sql`, `,
      )}) > (${sql.join(
        pk.map((p) => sql`${last[p.key]}`),
        sql`, `,
      )})`
    : undefined;
  return { where, order: pk.map((p) => p.expr) };
}

// ---------------------------------------------------------------- SQLite

type SqliteDb = BetterSQLite3Database<typeof sqliteSchema>;

export function sqliteEnd(file: string, role: "source" | "target"): End {
  let sqlite: Database.Database | undefined;
  let db: SqliteDb | undefined;
  // A target is built beside the real file and renamed over it on commit: all or nothing.
  const temp = `${file}.db-copy-${process.pid}.tmp`;
  const open = (f: string, readonly: boolean) => {
    try {
      sqlite = new Database(f, { readonly, fileMustExist: readonly });
      sqlite.pragma("foreign_keys = ON");
      sqlite.prepare("select count(*) from sqlite_master").get();
    } catch (e) {
      sqlite?.close();
      throw new CopyRefused(`${f}: not an SQLite database (${(e as Error).message}).`);
    }
    db = sqliteDrizzle(sqlite, { schema: sqliteSchema });
  };
  const exists = fs.existsSync(file) && fs.statSync(file).size > 0;
  if (role === "source" && !exists) throw new CopyRefused(`${file} does not exist.`);
  if (exists) open(file, true);
  // One read transaction over the whole copy: every table from the same moment.
  if (role === "source") sqlite!.exec("begin");
  const has = (name: string) => Boolean(sqlite?.prepare("select 1 from sqlite_master where name = ?").get(name));
  return {
    kind: "sqlite",
    async migrations() {
      const known = knownMigrations(MIGRATIONS_FOLDER);
      if (!sqlite || !has("__drizzle_migrations")) return { applied: null, known };
      const rows = sqlite.prepare("select created_at c from __drizzle_migrations order by created_at").all() as { c: number }[];
      return { applied: rows.map((r) => Number(r.c)), known };
    },
    async counts() {
      const out = new Map<string, number>();
      for (const name of [...SQLITE_TABLES.keys(), "search_index"])
        out.set(name, sqlite && has(name) ? (sqlite.prepare(`select count(*) n from "${name}"`).get() as { n: number }).n : 0);
      return out;
    },
    async *readRows(table, batch) {
      const t = SQLITE_TABLES.get(table)!;
      for (let last: Row | undefined; ; ) {
        const { where, order } = page(t, false, last);
        const rows = (await db!.select().from(t).where(where).orderBy(...order).limit(batch)) as Row[];
        if (!rows.length) break;
        yield rows;
        last = rows[rows.length - 1];
      }
    },
    async *readSearch(batch) {
      const stmt = sqlite!.prepare("select rowid r, record_type t, record_id i, body b from search_index where rowid > ? order by rowid limit ?");
      for (let last = -1; ; ) {
        const rows = stmt.all(last, batch) as { r: number; t: string; i: number; b: string }[];
        if (!rows.length) break;
        yield rows.map((r) => ({ recordType: r.t, recordId: Number(r.i), body: r.b }));
        last = rows[rows.length - 1]!.r;
      }
    },
    async begin() {
      sqlite?.close();
      fs.rmSync(temp, { force: true });
      open(temp, false);
      sqlite!.pragma("journal_mode = WAL");
      sqliteMigrate(db!, { migrationsFolder: MIGRATIONS_FOLDER });
      sqlite!.exec("begin");
    },
    async insertRows(table, rows) {
      await db!.insert(SQLITE_TABLES.get(table)!).values(rows);
    },
    async insertSearch(rows) {
      const ins = sqlite!.prepare("insert into search_index (rowid, record_type, record_id, body) values (?, ?, ?, ?)");
      for (const r of rows) {
        const code = TYPE_CODE[r.recordType as SearchType];
        if (!code) throw new Error(`search_index: unknown record type "${r.recordType}".`);
        ins.run(r.recordId * 8 + code, r.recordType, r.recordId, r.body);
      }
    },
    async afterCopy() {},
    async commit() {
      sqlite!.exec("commit");
      sqlite!.close();
      for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
      fs.renameSync(temp, file);
    },
    async abort() {
      sqlite?.close();
      if (role === "source") return;
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(temp + suffix, { force: true });
    },
  };
}

// ---------------------------------------------------------------- PostgreSQL

export async function pgEnd(url: string, role: "source" | "target"): Promise<End> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const what = err.code === "3D000" ? "no such database" : err.code === "28P01" || err.code === "28000" ? "sign-in refused" : err.message || err.code;
    throw new CopyRefused(`${describeLocation({ kind: "postgres", url })}: cannot connect (${what}).`);
  }
  client.on("error", () => {});
  const db: NodePgDatabase<typeof pgSchema> = pgDrizzle(client, { schema: pgSchema });
  if (role === "source") await client.query("begin isolation level repeatable read read only");
  const has = async (name: string) => (await client.query<{ r: string | null }>("select to_regclass($1) r", [name])).rows[0]!.r !== null;
  return {
    kind: "postgres",
    async migrations() {
      const known = knownMigrations(PG_MIGRATIONS_FOLDER);
      if (!(await has("drizzle.__drizzle_migrations"))) return { applied: null, known };
      const { rows } = await client.query<{ c: string }>("select created_at c from drizzle.__drizzle_migrations order by created_at");
      return { applied: rows.map((r) => Number(r.c)), known };
    },
    async counts() {
      const out = new Map<string, number>();
      for (const name of [...PG_TABLES.keys(), "search_index"])
        out.set(name, (await has(`public."${name}"`)) ? Number((await client.query<{ n: string }>(`select count(*) n from "${name}"`)).rows[0]!.n) : 0);
      return out;
    },
    async *readRows(table, batch) {
      const t = PG_TABLES.get(table)!;
      for (let last: Row | undefined; ; ) {
        const { where, order } = page(t, true, last);
        const rows = (await db.select().from(t).where(where).orderBy(...order).limit(batch)) as Row[];
        if (!rows.length) break;
        yield rows;
        last = rows[rows.length - 1];
      }
    },
    async *readSearch(batch) {
      for (let last: [string, number] = ["", -1]; ; ) {
        const { rows } = await client.query<{ t: string; i: number; b: string }>(
          "select record_type t, record_id i, body b from search_index where (record_type, record_id) > ($1, $2) order by record_type, record_id limit $3",
          [...last, batch],
        );
        if (!rows.length) break;
        yield rows.map((r) => ({ recordType: r.t, recordId: r.i, body: r.b }));
        last = [rows[rows.length - 1]!.t, rows[rows.length - 1]!.i];
      }
    },
    async begin() {
      await client.query("begin");
      // drizzle's own migrator, run inside this transaction (PostgreSQL's DDL is transactional):
      // its inner transaction is this one, so a failed copy leaves no schema behind either.
      const session = { execute: (q: SQL) => db.execute(q), all: async (q: SQL) => (await db.execute(q)).rows, transaction: (fn: (tx: unknown) => Promise<void>) => fn(db) };
      await new PgDialect().migrate(readMigrationFiles({ migrationsFolder: PG_MIGRATIONS_FOLDER }), session as never, { migrationsFolder: PG_MIGRATIONS_FOLDER });
    },
    async insertRows(table, rows) {
      await db.insert(PG_TABLES.get(table)!).values(rows);
    },
    async insertSearch(rows) {
      await client.query("insert into search_index (record_type, record_id, body) select * from unnest($1::text[], $2::int[], $3::text[])", [
        rows.map((r) => r.recordType),
        rows.map((r) => r.recordId),
        rows.map((r) => r.body),
      ]);
    },
    async afterCopy() {
      for (const [name, t] of PG_TABLES) {
        for (const c of pgConfig(t).columns.filter((x) => x.generatedIdentity)) {
          await client.query(
            `select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${c.name}") from "${name}"), 0) + 1, false)`,
            [`public."${name}"`, c.name],
          );
        }
      }
    },
    async commit() {
      await client.query("commit");
      await client.end();
    },
    async abort() {
      await client.query("rollback").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}

export function openEnd(loc: Location, role: "source" | "target"): Promise<End> {
  return loc.kind === "sqlite" ? Promise.resolve(sqliteEnd(loc.file, role)) : pgEnd(loc.url, role);
}
