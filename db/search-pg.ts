import { searchQuery, segment } from "./search";

// PostgreSQL's side of db/search.ts: the same query as toMatchQuery, as a tsquery for the
// search_index.tsv column (drizzle-pg/0001_search_index.sql). Tokens are cut and folded here as
// that column cuts and folds the bodies, so the query is cast with `::tsquery` (to_tsquery would
// parse the tokens again) and both engines match the same records.

/** ICU's [:alnum:], which the column's regexp_replace keeps: everything else separates tokens. */
const SEPARATORS = /[^\p{Alphabetic}\p{Nd}]+/u;

/** Tokens as the index holds them: diacritics dropped, lower case, split at non-letters. */
export function tsTokens(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]+/g, "")
    .normalize("NFC")
    .toLowerCase()
    .split(SEPARATORS)
    .filter(Boolean);
}

/** A lexeme the index cannot hold (a separator): FTS5's phrase without tokens matches nothing too. */
const NOTHING = "'-'";

/** A tsquery literal: quoted, so no token is read as an operator. */
const lexeme = (t: string, prefix: boolean) => `'${t.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${prefix ? ":*" : ""}`;

/** Adjacent tokens, as an FTS5 phrase: `a <-> b`; with FTS5's `*`, the last matches by prefix. */
function phrase(tokens: string[], prefix: boolean): string {
  const parts = tokens.map((t, i) => lexeme(t, prefix && i === tokens.length - 1));
  return parts.length > 1 ? `(${parts.join(" <-> ")})` : parts[0]!;
}

/** Builds a tsquery (for `$1::tsquery`) from what a user typed; null when nothing searchable. */
export function toTsQuery(q: string): string | null {
  return searchQuery(q, {
    word: (piece) => {
      const tokens = tsTokens(piece);
      return tokens.length ? phrase(tokens, true) : NOTHING;
    },
    cjk: (piece, roman) => {
      const native = phrase(tsTokens(segment(piece)), false);
      return roman ? `(${native} | ${lexeme(roman, true)})` : native;
    },
    and: " & ",
  });
}
