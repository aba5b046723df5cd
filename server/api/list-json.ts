import "server-only";
import type { RawListPage } from "@/db/queries/list-rows";

// The API lists' answer written straight from the rows (arrays of driver values, list-rows.ts):
// byte for byte what JSON.stringify({ data: rows.map(listEncoder(record)), next_cursor }) gives
// for the same page (tests/api/list-fast-path.test.ts holds the two equal on every demo list):
// the record schema's keys in its order, instants as ISO strings, null as null.

function valueJson(v: unknown): string {
  if (v === null) return "null";
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : "null";
    case "boolean":
      return v ? "true" : "false";
  }
  if (v instanceof Date) return `"${v.toISOString()}"`;
  return JSON.stringify(v);
}

const prefixes = new WeakMap<readonly string[], string[]>();

/** The page as the list endpoints answer it: `{"data":[…],"next_cursor":…}`. */
export function listJson(page: RawListPage): string {
  const { keys, decoders } = page.shape;
  let pre = prefixes.get(keys);
  if (!pre) prefixes.set(keys, (pre = keys.map((k, i) => (i === 0 ? "{" : ",") + JSON.stringify(k) + ":")));
  let out = '{"data":[';
  for (let r = 0; r < page.rows.length; r++) {
    const row = page.rows[r]!;
    if (r > 0) out += ",";
    for (let i = 0; i < pre.length; i++) out += pre[i]! + valueJson(decoders[i]!(row[i]));
    out += pre.length ? "}" : "{}";
  }
  return out + '],"next_cursor":' + (page.next_cursor === null ? "null" : JSON.stringify(page.next_cursor)) + "}";
}
