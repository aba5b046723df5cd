import compile from "icu-minify/compile";

type Messages = { [key: string]: string | Messages };

const cache = new WeakMap<object, Map<string, Record<string, unknown>>>();

/**
 * The client components' messages, precompiled (icu-minify): the browser formats them without the
 * ICU parser (next.config.js aliases its formatter to use-intl's format-only). Plain text stays a
 * string; text the ICU formatter the server runs for client components (i18n/format-message.js)
 * could read differently (braces, tags, quotes) is wrapped in an array, which both format alike.
 * Cached per catalogue and scope, as the catalogue is read once per process.
 */
export function precompileMessages(catalogue: object, scope: string, messages: Record<string, unknown>): Record<string, unknown> {
  let byScope = cache.get(catalogue);
  if (!byScope) cache.set(catalogue, (byScope = new Map<string, Record<string, unknown>>()));
  const hit = byScope.get(scope);
  if (hit) return hit;
  const out = compileTree(messages as Messages) as Record<string, unknown>;
  byScope.set(scope, out);
  return out;
}

function compileTree(node: string | Messages, key = ""): unknown {
  if (typeof node === "string") {
    let compiled: unknown;
    try {
      compiled = compile(node);
    } catch (e) {
      // icu-minify reads `<x>` as a tag, stricter than the server's formatter: quote it ('<x>').
      throw new Error(`The message "${key}" is not valid ICU for the browser (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    // A JSON round trip: icu-minify's option maps have no prototype, which React will not send.
    const c = JSON.parse(JSON.stringify(compiled)) as unknown;
    return typeof c === "string" && /[{}<>'#|]/.test(c) ? [c] : c;
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, compileTree(v, key ? `${key}.${k}` : k)]));
}
