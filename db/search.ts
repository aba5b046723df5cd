import { sql } from "drizzle-orm";
import type { Tx } from "./client";

// One FTS5 index for every searchable record (created by a drizzle-kit custom migration).
// Han, Hangul and Kana are indexed one character a token so that any run of them matches,
// with or without spaces ("重庆" in "重庆市", "충칭" in "충칭시와"); other words keep
// unicode61 tokens and match by prefix.

export type SearchType = "meeting" | "partner" | "person" | "action";

const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_G = /([\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}])/gu;

export function segment(text: string): string {
  return text.replace(CJK_G, " $1 ").replace(/\s+/g, " ").trim();
}

/** Builds an FTS5 MATCH expression from what a user typed; null when nothing searchable. */
export function toMatchQuery(q: string): string | null {
  const terms = q
    .normalize("NFKC")
    // Control characters and lone surrogates: a NUL ends the MATCH string early in SQLite
    // ("unterminated string"), and neither is ever in the index.
    .replace(/[\p{Cc}\p{Cs}]/gu, " ")
    .split(/\s+/)
    .map((t) => t.replace(/["*^():{}[\]\\+\-~'`.,;!?<>=&|@#$%/]/g, " ").trim())
    .filter(Boolean);
  const parts: string[] = [];
  for (const term of terms) {
    for (const piece of term.split(/\s+/)) {
      if (!piece) continue;
      if (CJK.test(piece)) parts.push(`"${segment(piece)}"`);
      else parts.push(`"${piece}"*`);
    }
  }
  return parts.length ? parts.join(" AND ") : null;
}

export function indexRecord(tx: Tx, type: SearchType, id: number, texts: (string | null | undefined)[]): void {
  tx.run(sql`delete from search_index where record_type = ${type} and record_id = ${id}`);
  const body = segment(texts.filter(Boolean).join(" \n ").normalize("NFKC"));
  if (body) tx.run(sql`insert into search_index (record_type, record_id, body) values (${type}, ${id}, ${body})`);
}

export function unindexRecord(tx: Tx, type: SearchType, id: number): void {
  tx.run(sql`delete from search_index where record_type = ${type} and record_id = ${id}`);
}

/** An SQL fragment "<idColumn> in (matching ids)" for use in a where clause. */
export function matchesSearch(type: SearchType, idColumn: unknown, q: string) {
  const match = toMatchQuery(q);
  if (!match) return undefined;
  return sql`${idColumn} in (select record_id from search_index where search_index match ${match} and record_type = ${type})`;
}
