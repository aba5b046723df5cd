// One factory for every TanStack Query key, so pages, lists and the invalidation after a save
// agree. Each area invalidates its `all` key after a write.

type Params = Record<string, unknown>;

export const queryKeys = {
  partners: {
    all: ["partners"] as const,
    list: (params: Params) => ["partners", "list", params] as const,
  },
  people: {
    all: ["people"] as const,
    list: (params: Params) => ["people", "list", params] as const,
  },
  actions: {
    all: ["actions"] as const,
    list: (params: Params) => ["actions", "list", params] as const,
  },
  meetings: {
    all: ["meetings"] as const,
    lists: () => ["meetings", "list"] as const,
    list: (params: Params) => ["meetings", "list", params] as const,
    peopleOptionsAll: ["meetings", "people-options"] as const,
    peopleOptions: (partnerId: number | null) => ["meetings", "people-options", partnerId] as const,
  },
  board: {
    all: ["board"] as const,
    /** The whole board for its URL's filters (the query string, as the page got it). */
    view: (query: string) => ["board", "view", query] as const,
    card: (id: number) => ["board", "card", id] as const,
  },
  timeline: {
    all: ["timeline"] as const,
    partner: (slug: string, from: string | null, to: string | null) => ["timeline", "partner", slug, from, to] as const,
    /** The chronological list's windows for the page's filters (its query string). */
    list: (search: string) => ["timeline", "list", search] as const,
  },
  search: {
    all: ["search"] as const,
    suggest: (q: string) => ["search", "suggest", q] as const,
  },
  notifications: {
    all: ["notifications"] as const,
    list: (limit: number) => ["notifications", "list", limit] as const,
  },
};

/**
 * A list's URL params as its query key part: only the list's own names, no empty values, in a
 * stable order. The server page and the browser build the same key from the same URL.
 */
export function cleanParams(raw: Record<string, string>, allowed: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...allowed].sort()) {
    const v = raw[k]?.trim();
    if (v && !(k === "page" && v === "1")) out[k] = v;
  }
  return out;
}
