// The shape every tabular export shares: typed columns over a stream of rows. The CSV and
// XLSX writers render the same columns, so both formats always agree.

/** A UTC instant shown in the zone it happened in (a meeting's IANA zone). */
export interface ZonedInstant {
  at: Date;
  zone: string;
}

export type CellValue = string | number | ZonedInstant | null | undefined;

export interface Column<R> {
  header: string;
  /** text; number; date (ISO "YYYY-MM-DD"); instant (a ZonedInstant). */
  type: "text" | "number" | "date" | "instant";
  /** Width in characters for spreadsheets. */
  width?: number;
  value: (row: R) => CellValue;
}

/** One sheet of a workbook; rows and columns are paired by whoever builds it. */
export interface Sheet {
  /** Sheet name in workbooks (at most 31 characters). */
  name: string;
  columns: Column<never>[];
  /** Read synchronously from SQLite, or in fetched batches (async) from PostgreSQL. */
  rows: Iterable<unknown> | AsyncIterable<unknown>;
}

export function isZonedInstant(v: unknown): v is ZonedInstant {
  return typeof v === "object" && v !== null && "at" in v && v.at instanceof Date;
}

/** Thrown when an export would exceed the row cap; answered as a 413 by the route. */
export const MAX_EXPORT_ROWS = 1_000_000;
