// db/schema.ts for PostgreSQL: the same tables, columns, constraints and indexes, and the same
// TypeScript types for the app (tests/db/schema-drift.test.ts holds the two together). SQLite's
// integer instants are timestamptz(3) here, its 0/1 booleans real booleans, its JSON text jsonb,
// its REAL (8 bytes) double precision and its autoincrement ids identity columns. The search
// index is a custom migration (drizzle-pg/), as on SQLite. What each column means is said once,
// in db/schema.ts.

export * from "./schema-pg/accounts";
export * from "./schema-pg/records";
export * from "./schema-pg/notifications";
export * from "./schema-pg/visits";
export * from "./schema-pg/relations";
