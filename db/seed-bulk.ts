import type { Db } from "./client";

// How --demo-scale loads a million meetings in minutes on SQLite: while the rows go in, the
// journal is kept in memory (a ROLLBACK still works; only a crash mid-seed can leave the file
// damaged, which is acceptable for a load-test database), nothing is fsynced, the page cache is
// large, foreign keys are not checked row by row (the generator only writes ids it has just
// made), and the secondary indexes of the tables it fills are dropped and built again after the
// load: one sort per index instead of a random B-tree insert per row and index. Everything is
// put back as it was (WAL, the app's synchronous level, foreign keys, the same index
// definitions from sqlite_master), whether the load succeeded or not.

type Sqlite = Db["$client"];

export interface BulkLoad {
  /** Rebuilds the indexes and restores the connection's settings. */
  finish(): void;
}

/** Starts a bulk load into `tables` on this connection; call finish() after the transaction. */
export function beginBulkLoad(sqlite: Sqlite, tables: readonly string[]): BulkLoad {
  const pragma = (p: string) => sqlite.pragma(p, { simple: true }) as string | number;
  const saved = { journal: String(pragma("journal_mode")), synchronous: Number(pragma("synchronous")), fk: Number(pragma("foreign_keys")), cache: Number(pragma("cache_size")) };
  const marks = tables.map(() => "?").join(", ");
  // Explicit indexes only: the autoindexes of primary keys and UNIQUE constraints cannot be dropped.
  const indexes = sqlite.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${marks}) order by name`).all(...tables) as {
    name: string;
    sql: string;
  }[];
  sqlite.pragma("journal_mode = MEMORY");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("foreign_keys = OFF");
  sqlite.pragma("cache_size = -262144");
  for (const ix of indexes) sqlite.exec(`drop index "${ix.name.replaceAll('"', '""')}"`);
  let done = false;
  return {
    finish() {
      if (done) return;
      done = true;
      try {
        sqlite.transaction(() => {
          for (const ix of indexes) sqlite.exec(ix.sql);
        })();
      } finally {
        sqlite.pragma(`cache_size = ${saved.cache}`);
        sqlite.pragma(`foreign_keys = ${saved.fk ? "ON" : "OFF"}`);
        sqlite.pragma(`synchronous = ${saved.synchronous}`);
        sqlite.pragma(`journal_mode = ${saved.journal}`);
      }
    },
  };
}
