/**
 * Whether the body of a server-action call sent as text is a reply React can decode.
 *
 * A browser calling one of our actions with plain arguments sends a JSON array (React's
 * encodeReply). Anything else (not JSON, not an array, or a "$" reference to a part that a text
 * body cannot carry: a form, a promise, a stream, a server reference) makes Next's decoder throw,
 * and Next answers 500. The proxy refuses those with a 400 before they reach the action.
 */
const VALUE_REFERENCES = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0"]);

function decodable(v: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (typeof v === "string") return !v.startsWith("$") || v.startsWith("$$") || VALUE_REFERENCES.has(v) || /^\$D\d{4}-/.test(v) || /^\$n-?\d+$/.test(v);
  if (Array.isArray(v)) return v.every((x) => decodable(x, depth + 1));
  if (v !== null && typeof v === "object") return Object.values(v).every((x) => decodable(x, depth + 1));
  return true;
}

export function isDecodableTextReply(body: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  return Array.isArray(parsed) && decodable(parsed, 0);
}
