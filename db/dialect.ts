import { sql, type SQL } from "drizzle-orm";
import { engineOf } from "./engine";

// The few SQL spellings that differ between SQLite and PostgreSQL, each written once. The engine
// is the process's (DATABASE_URL), as db/schema.ts's tables are.

export const ON_PG = engineOf() === "pg";

/** group_concat / string_agg of a text expression (raw SQL text, for the search documents). */
export const groupConcat = (expr: string, separator: string): string =>
  ON_PG ? `string_agg(${expr}, ${separator})` : `group_concat(${expr}, ${separator})`;

/** A subquery of the given ids, as one parameter however many there are: `x.id in ${idsIn(ids)}`. */
export function idsIn(ids: readonly number[]): SQL {
  const json = JSON.stringify([...new Set(ids)]);
  return ON_PG ? sql`(select (jsonb_array_elements_text(${json}::jsonb))::int)` : sql`(select value from json_each(${json}))`;
}

/** A subquery of the given strings, as one parameter. */
export function textsIn(values: readonly string[]): SQL {
  const json = JSON.stringify([...new Set(values)]);
  return ON_PG ? sql`(select jsonb_array_elements_text(${json}::jsonb))` : sql`(select value from json_each(${json}))`;
}

/** An instant column as milliseconds since the epoch (SQLite stores them so; PostgreSQL as timestamptz). */
export function epochMs(column: unknown): SQL<number> {
  return ON_PG ? sql<number>`(extract(epoch from ${column}) * 1000)::bigint` : sql<number>`${column}`;
}

/** A millisecond instant as a value comparable with an instant column. */
export function instant(ms: number): SQL {
  return ON_PG ? sql`to_timestamp(${ms / 1000})` : sql`${ms}`;
}

/** A boolean column compared with true or false. */
export function isTrue(column: unknown, value = true): SQL {
  return ON_PG ? sql`${column} = ${value}` : sql`${column} = ${value ? 1 : 0}`;
}
