import { sql } from "drizzle-orm";
import { check, timestamp, type AnyPgColumn } from "drizzle-orm/pg-core";

/** An instant to the millisecond, as SQLite's timestamp_ms holds it. */
export const ms = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });

/** CHECK (col IN (...)) for a closed vocabulary. */
export function oneOf(name: string, col: AnyPgColumn, values: readonly string[]): ReturnType<typeof check> {
  const list = sql.raw(values.map((v) => `'${v}'`).join(", "));
  return check(name, sql`${col} in (${list})`);
}

export function oneOfOrNull(name: string, col: AnyPgColumn, values: readonly string[]): ReturnType<typeof check> {
  const list = sql.raw(values.map((v) => `'${v}'`).join(", "));
  return check(name, sql`${col} is null or ${col} in (${list})`);
}

export const timestamps = {
  createdAt: ms("created_at")
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: ms("updated_at")
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
};
