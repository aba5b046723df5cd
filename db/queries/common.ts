/** Parses a page size from the API or a URL, capped so no request can ask for everything. */
export const MAX_PAGE_SIZE = 200;
export function pageSize(n: number | undefined, fallback = 50): number {
  if (!n || !Number.isFinite(n) || n < 1) return fallback;
  return Math.min(Math.floor(n), MAX_PAGE_SIZE);
}

/**
 * An update replaces the record's fields: an optional field that is left out or sent as null is
 * cleared, not silently kept (Drizzle skips undefined values in `set`).
 */
export function clearOmitted<T extends object, K extends keyof T>(
  v: T,
  keys: readonly K[],
): Omit<T, K> & { [P in K]: Exclude<T[P], undefined> | null } {
  const out = { ...v } as Record<PropertyKey, unknown>;
  for (const k of keys) out[k] ??= null;
  return out as Omit<T, K> & { [P in K]: Exclude<T[P], undefined> | null };
}
