import { getTableName, is, SQL, type Table } from "drizzle-orm";
import { getTableConfig as pgConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";

// One dialect-neutral description of a table, read from drizzle's own table config, so that
// db/schema.ts and db/schema-pg.ts can be held against each other (schema-drift.test.ts).

type Shape = Record<string, Record<string, string>>;

type AnyColumn = {
  name: string;
  columnType: string;
  dataType: string;
  notNull: boolean;
  primary: boolean;
  isUnique: boolean;
  uniqueName?: string;
  default?: unknown;
  defaultFn?: unknown;
  onUpdateFn?: unknown;
};

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

/** The app-level type both dialects must agree on; anything unmapped shows its own name. */
function columnKind(c: AnyColumn): string {
  const x = c as AnyColumn & { autoIncrement?: boolean; mode?: string; withTimezone?: boolean; precision?: number; generatedIdentity?: { type: string } };
  const base: Record<string, string> = {
    SQLiteInteger: "integer",
    PgInteger: "integer",
    SQLiteBoolean: "boolean",
    PgBoolean: "boolean",
    SQLiteText: "text",
    PgText: "text",
    SQLiteTextJson: "json",
    PgJsonb: "json",
    SQLiteReal: "float64",
    PgDoublePrecision: "float64",
  };
  let kind = base[c.columnType] ?? c.columnType;
  if (c.columnType === "SQLiteTimestamp" && x.mode === "timestamp_ms") kind = "instant_ms";
  // PgTimestamp is the Date mode (the string mode is PgTimestampString).
  if (c.columnType === "PgTimestamp") kind = x.withTimezone && x.precision === 3 ? "instant_ms" : `timestamp(tz=${x.withTimezone},p=${x.precision})`;
  const identity = x.autoIncrement || x.generatedIdentity?.type === "byDefault" ? " identity" : "";
  return `${kind}/${c.dataType}${identity}`;
}

/** SQL as text, with PostgreSQL's casts of literals removed ('[]'::jsonb is SQLite's '[]'). */
function sqlText(dialect: SQLiteSyncDialect | PgDialect, s: SQL): string {
  const q = dialect.sqlToQuery(s);
  return `${q.sql.replace(/::\w+/g, "")}${q.params.length ? ` ${JSON.stringify(q.params)}` : ""}`;
}

const fnText = (f: unknown) => (typeof f === "function" ? f.toString().replace(/\s+/g, " ") : "");

function describe(dialect: SQLiteSyncDialect | PgDialect, cfg: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>): Shape {
  const text = (s: SQL | undefined) => (s ? sqlText(dialect, s) : "");
  const names = (cols: ({ name: string } | SQL)[]) => cols.map((c) => ("name" in c ? c.name : text(c))).join(", ");
  const out: Shape = { columns: {}, primaryKey: {}, foreignKeys: {}, uniques: {}, indexes: {}, checks: {} };
  for (const col of cfg.columns as AnyColumn[]) {
    const def = col.default === undefined ? "" : is(col.default, SQL) ? text(col.default) : JSON.stringify(col.default);
    out.columns![col.name] = [
      columnKind(col),
      col.notNull ? "not null" : "null",
      col.primary ? "primary key" : "",
      col.isUnique && !col.primary ? `unique ${col.uniqueName}` : "",
      def && `default ${def}`,
      fnText(col.defaultFn) && `$default ${fnText(col.defaultFn)}`,
      fnText(col.onUpdateFn) && `$onUpdate ${fnText(col.onUpdateFn)}`,
    ]
      .filter(Boolean)
      .join("; ");
  }
  for (const pk of cfg.primaryKeys) out.primaryKey!.composite = names(pk.columns);
  for (const fk of cfg.foreignKeys) {
    const ref = fk.reference();
    const target = getTableName(ref.foreignTable as Table);
    out.foreignKeys![names(ref.columns)] = `${target}(${names(ref.foreignColumns)}) on delete ${fk.onDelete ?? "no action"} on update ${fk.onUpdate ?? "no action"}`;
  }
  for (const u of cfg.uniqueConstraints) out.uniques![u.name ?? names(u.columns)] = names(u.columns);
  for (const i of cfg.indexes) {
    const c = i.config as { name: string; columns: ({ name: string } | SQL)[]; unique: boolean; where?: SQL };
    out.indexes![c.name] = `${c.unique ? "unique " : ""}(${names(c.columns)})${c.where ? ` where ${text(c.where)}` : ""}`;
  }
  for (const ch of cfg.checks) out.checks![ch.name] = text(ch.value);
  return out;
}

export function describeSqliteTable(t: SQLiteTable): Shape {
  return describe(sqliteDialect, sqliteConfig(t));
}

export function describePgTable(t: PgTable): Shape {
  return describe(pgDialect, pgConfig(t));
}

/** Every table a schema module exports, by its SQL name. */
export function tablesOf(mod: Record<string, unknown>): Map<string, Shape> {
  const out = new Map<string, Shape>();
  for (const v of Object.values(mod)) {
    if (is(v, SQLiteTable)) out.set(sqliteConfig(v).name, describeSqliteTable(v));
    else if (is(v, PgTable)) out.set(pgConfig(v).name, describePgTable(v));
  }
  return out;
}

/** What differs between two schemas, one line per difference; empty when they agree. */
export function schemaDiff(a: Map<string, Shape>, b: Map<string, Shape>, labels = ["sqlite", "pg"]): string[] {
  const diffs: string[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (!x || !y) {
      diffs.push(`${name}: only in ${x ? labels[0] : labels[1]}`);
      continue;
    }
    for (const section of Object.keys(x)) {
      const xs = x[section]!;
      const ys = y[section]!;
      for (const key of new Set([...Object.keys(xs), ...Object.keys(ys)])) {
        if (xs[key] !== ys[key]) diffs.push(`${name}.${section}.${key}: ${labels[0]} "${xs[key] ?? "—"}" ≠ ${labels[1]} "${ys[key] ?? "—"}"`);
      }
    }
  }
  return diffs;
}
