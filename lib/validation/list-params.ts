// The parts of the list filters a browser needs (the URL parameter names each screen's query key is
// built from, the due filters and URLSearchParams → record), kept free of zod so list screens do not
// ship it. lib/validation/lists.ts holds the schemas; tests/lib/list-params.test.ts checks that the
// names here are exactly each schema's keys.

export const ACTION_DUE_FILTERS = ["overdue", "week", "none"] as const;

/** The URL parameter names of each screen's list (the query key is built from these only). */
export const PARTNER_LIST_PARAMS = ["q", "status", "level", "kind", "country", "archived", "sort", "page"];
export const PERSON_LIST_PARAMS = ["q", "partner", "side", "archived", "sort", "page"];
export const ACTION_LIST_PARAMS = ["q", "partner", "status", "side", "priority", "owner", "meeting", "due", "from", "to", "archived", "sort", "page"];
export const MEETING_LIST_PARAMS = ["q", "kind", "status", "from", "to", "partner", "sort", "page"];

/** URLSearchParams or Next's searchParams object → a plain record (last value wins). */
export function paramsRecord(sp: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (sp instanceof URLSearchParams) sp.forEach((v, k) => (out[k] = v));
  else for (const [k, v] of Object.entries(sp)) if (v !== undefined) out[k] = Array.isArray(v) ? (v.at(-1) ?? "") : v;
  return out;
}
