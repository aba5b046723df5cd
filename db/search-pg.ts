import { CJK, pinyinSyllables, searchTerms, segment } from "./search";

// PostgreSQL's side of db/search.ts: the same query as toMatchQuery, as a tsquery for the
// search_index.tsv column (drizzle-pg/0001_search_index.sql). Tokens are cut and folded here as
// that column cuts and folds the bodies, so the query is cast with `::tsquery` (to_tsquery would
// parse the tokens again) and both engines match the same records.

const HAN_ONLY = /^\p{Script=Han}+$/u;
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
  const terms = searchTerms(q);
  const parts: string[] = [];
  for (const term of terms) {
    for (const piece of term.split(/\s+/)) {
      if (!piece) continue;
      if (!CJK.test(piece)) {
        const tokens = tsTokens(piece);
        parts.push(tokens.length ? phrase(tokens, true) : NOTHING);
        continue;
      }
      const native = phrase(tsTokens(segment(piece)), false);
      // A native form also finds the record that only has it romanised ("重庆" finds "Chongqing").
      const roman = HAN_ONLY.test(piece) ? pinyinSyllables(piece).join("") : "";
      parts.push(roman ? `(${native} | ${lexeme(roman, true)})` : native);
    }
  }
  return parts.length ? parts.join(" & ") : null;
}
