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

/** Literal true and false as each engine spells a boolean (SQLite stores 1 and 0). */
export const TRUE = ON_PG ? sql`true` : sql`1`;
export const FALSE = ON_PG ? sql`false` : sql`0`;

/** "YYYY-MM" of an instant column, in UTC. */
export function monthKey(column: unknown): SQL<string> {
  return ON_PG ? sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM')` : sql<string>`strftime('%Y-%m', ${column} / 1000, 'unixepoch')`;
}

/** The first instant of the (UTC) month after an instant's: the timeline's month-by-month index seeks. */
export function nextMonthStart(column: unknown): SQL {
  return ON_PG
    ? sql`((date_trunc('month', ${column} at time zone 'UTC') + interval '1 month') at time zone 'UTC')`
    : sql`(cast(strftime('%s', ${column} / 1000, 'unixepoch', 'start of month', '+1 month') as integer) * 1000)`;
}

/** "YYYY" of an instant column, in UTC. */
export function yearKey(column: unknown): SQL<string> {
  return ON_PG ? sql<string>`to_char(${column} at time zone 'UTC', 'YYYY')` : sql<string>`strftime('%Y', ${column} / 1000, 'unixepoch')`;
}

/** An ISO date text column plus one year, month or day, as ISO date text. */
export function isoDatePlus(column: unknown, unit: "year" | "month" | "day"): SQL<string> {
  return ON_PG ? sql<string>`to_char(${column}::date + interval '1 ${sql.raw(unit)}', 'YYYY-MM-DD')` : sql<string>`date(${column}, '+1 ${sql.raw(unit)}')`;
}

/** LIKE without regard to (ASCII) case, as SQLite's LIKE is; the pattern escapes with a backslash. */
export function likeCi(column: unknown, rawPattern: string): SQL {
  // PostgreSQL's text cannot hold NUL (a query holding one is refused); nothing stored has one.
  const pattern = ON_PG ? rawPattern.replaceAll(String.fromCharCode(0), "") : rawPattern;
  return ON_PG ? sql`${column} ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}

/** `a IS NOT b` (null-safe inequality). */
export function isDistinct(a: unknown, b: unknown): SQL {
  return ON_PG ? sql`${a} is distinct from ${b}` : sql`${a} is not ${b}`;
}

/** A JSON column's top-level text field. */
export function jsonField(column: string, key: string): string {
  return ON_PG ? `(${column} ->> '${key}')` : `json_extract(${column}, '$.${key}')`;
}

// Raw SQL text (the streaming reports): the same spellings as strings.

/** An instant column as milliseconds since the epoch, in raw SQL text. */
export const msText = (column: string): string => (ON_PG ? `(extract(epoch from ${column}) * 1000)::float8` : column);

/** A placeholder for a millisecond instant compared with an instant column, in raw SQL text. */
export const instantParam = ON_PG ? "to_timestamp(? / 1000.0)" : "?";

/** A JSON column as its text, in raw SQL text. */
export const jsonText = (column: string): string => (ON_PG ? `${column}::text` : column);

/** SQLite's `?` placeholders as PostgreSQL's `$1, $2, …` (the raw report SQL holds no other `?`). */
export function numberedParams(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/**
 * Serialises transactions that read a count and then write by it (sign-in tries): on PostgreSQL
 * a transaction-scoped advisory lock per key, taken in a fixed order so two never deadlock. On
 * SQLite, BEGIN IMMEDIATE already lets one writer in at a time.
 */
export async function lockKeys(tx: { execute?: (q: SQL) => Promise<unknown> }, keys: readonly string[]): Promise<void> {
  if (!ON_PG) return;
  for (const key of [...new Set(keys)].sort()) await tx.execute!(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
