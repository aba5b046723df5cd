import { sql } from "drizzle-orm";
import { getChoseong, romanize } from "es-hangul";
import { pinyin } from "pinyin-pro";
import type { Db, Tx } from "./client";
import { groupConcat, idsIn, ON_PG } from "./dialect";
import { setting } from "./schema";
import { toTsQuery } from "./search-pg";
import { inTransaction, rawAll, rawGet, rawRun } from "./tx";
import type { SearchType } from "@/lib/types/search";

// One FTS5 index for every searchable record (created by a drizzle-kit custom migration).
// Han, Hangul and Kana are indexed one character a token so that any run of them matches,
// with or without spaces ("重庆" in "重庆市", "충칭" in "충칭시와"); other words keep
// unicode61 tokens and match by prefix. Each record's text also carries its romanised forms
// (pinyin for Han, Revised Romanization for Hangul) and the initial consonants of its Korean
// words, so "chongqing", "tang liangzhi" and "ㅊㅊ" find 重庆市, 唐良智 and 충칭.

export const SEARCH_TYPES: readonly SearchType[] = ["partner", "person", "meeting", "action", "gift", "visit"];

/** Bump when what goes into the index changes: the next migrate rebuilds it (ensureSearchIndex). */
export const SEARCH_INDEX_VERSION = "3";

// Conjoining and compatibility jamo stay whole words: "ㅊㅊ" is a prefix of "ㅊㅊㅅ", not two tokens.
const CJK_CLASS = String.raw`(?![\u1100-\u11FF\u3130-\u318F])[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]`;
export const CJK = new RegExp(CJK_CLASS, "u");
const CJK_G = new RegExp(`(${CJK_CLASS})`, "gu");
const HAN_RUN = /\p{Script=Han}+/gu;
const HANGUL_WORD = /[\uAC00-\uD7A3]+/g;
/** Pinyin syllables joined from each position, up to this many: names and places are 2–4 characters. */
const PINYIN_SPAN = 4;

export function segment(text: string): string {
  return text.replace(CJK_G, " $1 ").replace(/\s+/g, " ").trim();
}

/** Names and words repeat across records (a partner's name is in all its meetings): romanise each once. */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size > 50_000) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

export const pinyinSyllables = memo((han: string): string[] =>
  pinyin(han, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, "")),
);
const hangulForms = memo((word: string): string => `${romanize(word).toLowerCase().replace(/[^a-z]/g, "")} ${getChoseong(word)}`);

/**
 * Latin forms of the Han and Hangul in a text: for 唐良智 "tangliangzhi liangzhi zhi" (so
 * "tang liangzhi" and "liangzhi" match by prefix), for 충칭시 "chungchingsi" and "ㅊㅊㅅ".
 */
export function romanisedForms(text: string): string {
  const out: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    const syl = pinyinSyllables(run);
    for (let i = 0; i < syl.length; i++) out.push(syl.slice(i, i + PINYIN_SPAN).join(""));
  }
  for (const [word] of text.matchAll(HANGUL_WORD)) out.push(hangulForms(word));
  return out.filter(Boolean).join(" ");
}

/** The indexed body of a record: its texts, segmented, with their romanised forms. */
export function searchBody(texts: (string | null | undefined)[]): string {
  const text = texts.filter(Boolean).join(" \n ").normalize("NFKC");
  const extra = romanisedForms(text);
  return segment(extra ? `${text} \n ${extra}`.normalize("NFKC") : text);
}

/**
 * What a user typed as search terms, for both engines' query builders: NFKC, and the query
 * syntax of FTS5 and tsquery taken out. Control characters and lone surrogates go too: a NUL ends
 * the MATCH string early in SQLite ("unterminated string") and cannot be sent to PostgreSQL, and
 * neither is ever in the index.
 */
export function searchTerms(q: string): string[] {
  return q
    .normalize("NFKC")
    .replace(/[\p{Cc}\p{Cs}]/gu, " ")
    .split(/\s+/)
    .flatMap((t) => t.replace(/["*^():{}[\]\\+\-~'`.,;!?<>=&|@#$%/]/g, " ").split(/\s+/))
    .filter(Boolean);
}

/** How one engine writes a query: a word as a prefix, a CJK piece (with its pinyin when all Han), and "all of". */
export interface QuerySyntax {
  word: (piece: string) => string;
  cjk: (piece: string, roman: string) => string;
  and: string;
}

/** The query an engine runs for what a user typed: every piece required; null when nothing searchable. */
export function searchQuery(q: string, syntax: QuerySyntax): string | null {
  const parts = searchTerms(q).map((piece) =>
    // A native form also finds the record that only has it romanised ("重庆" finds "Chongqing").
    CJK.test(piece) ? syntax.cjk(piece, /^\p{Script=Han}+$/u.test(piece) ? pinyinSyllables(piece).join("") : "") : syntax.word(piece),
  );
  return parts.length ? parts.join(syntax.and) : null;
}

/** Builds an FTS5 MATCH expression from what a user typed; null when nothing searchable. */
export function toMatchQuery(q: string): string | null {
  return searchQuery(q, {
    word: (piece) => `"${piece}"*`,
    cjk: (piece, roman) => (roman ? `("${segment(piece)}" OR "${roman}"*)` : `"${segment(piece)}"`),
    and: " AND ",
  });
}

// What each record type's index entry is made of: a record's own words plus the names around it
// (a meeting is found by its partner's three names, its participants in both scripts and its
// gifts; a follow-up by its partner and owner; a visit by its partners' three names, its
// delegation in both scripts and its programme). `{where}` is filled in by the caller.
const NAMES = (p: string) => `${p}.name_en, ${p}.name_ko, ${p}.name_local`;
const DOCS: Record<SearchType, string> = {
  partner: `select x.id, concat_ws(' \n ', ${NAMES("x")}, x.slug, x.summary) t from partner x where {where}`,
  person: `select x.id, concat_ws(' \n ', x.name_en, x.name_local, x.title, x.organisation, x.notes, ${NAMES("p")}) t
    from person x left join partner p on p.id = x.partner_id where {where}`,
  meeting: `select x.id, concat_ws(' \n ', x.title, x.topics, x.summary, x.outcomes, x.notes, x.venue, x.city, ${NAMES("p")},
      (select ${groupConcat("concat_ws(' ', pe.name_en, pe.name_local)", "' \n '")} from participant pa join person pe on pe.id = pa.person_id where pa.meeting_id = x.id),
      (select ${groupConcat("g.item", "' \n '")} from gift g where g.meeting_id = x.id and g.archived_at is null)) t
    from meeting x join partner p on p.id = x.partner_id where {where}`,
  action: `select x.id, concat_ws(' \n ', x.title, x.description, ${NAMES("p")}, o.name_en, o.name_local) t
    from action x join partner p on p.id = x.partner_id left join person o on o.id = x.owner_person_id where {where}`,
  gift: `select x.id, concat_ws(' \n ', x.item, x.description, x.origin, f.name_en, f.name_local, r.name_en, r.name_local, m.title, ${NAMES("p")}) t
    from gift x join meeting m on m.id = x.meeting_id join partner p on p.id = m.partner_id
    left join person f on f.id = x.from_person_id left join person r on r.id = x.to_person_id where {where}`,
  visit: `select x.id, concat_ws(' \n ', x.title, x.purpose,
      (select ${groupConcat(`concat_ws(' ', ${NAMES("p")})`, "' \n '")} from visit_partner vp join partner p on p.id = vp.partner_id where vp.visit_id = x.id),
      (select ${groupConcat("concat_ws(' ', pe.name_en, pe.name_local, vm.title_at_time)", "' \n '")} from visit_member vm join person pe on pe.id = vm.person_id where vm.visit_id = x.id),
      (select ${groupConcat("concat_ws(' ', pi.title, pi.place)", "' \n '")} from programme_item pi where pi.visit_id = x.id)) t
    from visit x where {where}`,
};

// PostgreSQL's index (drizzle-pg/0001_search_index.sql) is keyed by (record_type, record_id).
// On SQLite each entry's rowid is derived from its record, so replacing or removing one is a rowid lookup:
// a delete by record_type and record_id (unindexed columns) reads the whole index.
// Searches filter by type on the rowid too (`rowid % 8`), which needs no read of the entry.
export const TYPE_CODE: Record<SearchType, number> = { partner: 1, person: 2, meeting: 3, action: 4, gift: 5, visit: 6 };
const entryRowid = (type: SearchType, id: number) => id * 8 + TYPE_CODE[type];

async function writeDocs(tx: Tx, type: SearchType, rows: { id: number; t: string | null }[], fresh = false) {
  for (const r of rows) {
    if (!fresh) await unindexRecord(tx, type, r.id);
    const body = searchBody([r.t]);
    if (!body) continue;
    if (ON_PG) await rawRun(tx, sql`insert into search_index (record_type, record_id, body) values (${type}, ${r.id}, ${body})`);
    else await rawRun(tx, sql`insert into search_index (rowid, record_type, record_id, body) values (${entryRowid(type, r.id)}, ${type}, ${r.id}, ${body})`);
  }
}

/** Rewrites the index entries of these records from what the database holds now. */
export async function reindexRecords(tx: Tx, type: SearchType, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const where = sql`x.id in ${idsIn(ids)}`;
  const [head, tail] = DOCS[type].split("{where}") as [string, string];
  await writeDocs(tx, type, await rawAll<{ id: number; t: string | null }>(tx, sql.join([sql.raw(head), where, sql.raw(tail)])));
}

export async function unindexRecord(tx: Tx, type: SearchType, id: number): Promise<void> {
  if (ON_PG) await rawRun(tx, sql`delete from search_index where record_type = ${type} and record_id = ${id}`);
  else await rawRun(tx, sql`delete from search_index where rowid = ${entryRowid(type, id)}`);
}

/** Ids of a type's records that mention another record; used to cascade a rename into the index. */
export async function idsWhere(tx: Tx, query: ReturnType<typeof sql>): Promise<number[]> {
  return (await rawAll<{ id: number }>(tx, query)).map((r) => r.id);
}

/** A person's or partner's name is part of other records' entries: reindex those too. */
export async function reindexAround(tx: Tx, of: { partnerId?: number; personId?: number }): Promise<void> {
  if (of.partnerId !== undefined) {
    const id = of.partnerId;
    await reindexRecords(tx, "person", await idsWhere(tx, sql`select id from person where partner_id = ${id}`));
    await reindexRecords(tx, "meeting", await idsWhere(tx, sql`select id from meeting where partner_id = ${id}`));
    await reindexRecords(tx, "action", await idsWhere(tx, sql`select id from action where partner_id = ${id}`));
    await reindexRecords(tx, "gift", await idsWhere(tx, sql`select g.id from gift g join meeting m on m.id = g.meeting_id where m.partner_id = ${id}`));
    await reindexRecords(tx, "visit", await idsWhere(tx, sql`select visit_id id from visit_partner where partner_id = ${id}`));
  }
  if (of.personId !== undefined) {
    const id = of.personId;
    await reindexRecords(tx, "meeting", await idsWhere(tx, sql`select meeting_id id from participant where person_id = ${id}`));
    await reindexRecords(tx, "action", await idsWhere(tx, sql`select id from action where owner_person_id = ${id}`));
    await reindexRecords(tx, "gift", await idsWhere(tx, sql`select id from gift where from_person_id = ${id} or to_person_id = ${id}`));
    await reindexRecords(tx, "visit", await idsWhere(tx, sql`select visit_id id from visit_member where person_id = ${id}`));
  }
}

/**
 * SQLite's rebuild through the connection's own prepared statements: a million meetings make
 * four million entries, and a drizzle statement built per entry cost more than the entry itself.
 */
function rebuildOnSqlite(client: Db["$client"]): void {
  const insert = client.prepare("insert into search_index (rowid, record_type, record_id, body) values (?, ?, ?, ?)");
  for (const type of SEARCH_TYPES) {
    const [head, tail] = DOCS[type].split("{where}") as [string, string];
    // A batch at a time: better-sqlite3 refuses writes while a statement of the connection iterates.
    const batch = client.prepare(`${head} x.id > ? ${tail} order by x.id limit 2000`);
    for (let after = 0; ; ) {
      const rows = batch.all(after) as { id: number; t: string | null }[];
      if (!rows.length) break;
      for (const r of rows) {
        const body = searchBody([r.t]);
        if (body) insert.run(entryRowid(type, r.id), type, r.id, body);
      }
      after = rows[rows.length - 1]!.id;
    }
  }
}

/** Rebuilds the whole index, a batch of records at a time. */
export async function rebuildSearchIndex(db: Db): Promise<void> {
  await inTransaction(db, async (tx) => {
    await rawRun(tx, sql`delete from search_index`);
    if (!ON_PG) return rebuildOnSqlite(tx.$client);
    for (const type of SEARCH_TYPES) {
      const [head, tail] = DOCS[type].split("{where}") as [string, string];
      for (let after = 0; ;) {
        const rows = await rawAll<{ id: number; t: string | null }>(tx, sql.join([sql.raw(head), sql`x.id > ${after}`, sql.raw(tail), sql` order by x.id limit 2000`]));
        if (!rows.length) break;
        await writeDocs(tx, type, rows, true);
        after = rows[rows.length - 1]!.id;
      }
    }
  });
}

const VERSION_KEY = "search_index_version";

/** Rebuilds the index when SEARCH_INDEX_VERSION differs from the one it was built with. */
export async function ensureSearchIndex(db: Db): Promise<boolean> {
  const row = await rawGet<{ value: string } | undefined>(db, sql`select value from setting where key = ${VERSION_KEY}`);
  if (row?.value === SEARCH_INDEX_VERSION) return false;
  await rebuildSearchIndex(db);
  await db
    .insert(setting)
    .values({ key: VERSION_KEY, value: SEARCH_INDEX_VERSION })
    .onConflictDoUpdate({ target: setting.key, set: { value: SEARCH_INDEX_VERSION, updatedAt: new Date() } });
  return true;
}

/** An SQL fragment "<idColumn> in (matching ids)" for use in a where clause. */
export function matchesSearch(type: SearchType, idColumn: unknown, q: string) {
  if (ON_PG) {
    const tsq = toTsQuery(q);
    if (!tsq) return undefined;
    return sql`${idColumn} in (select record_id from search_index where record_type = ${type} and tsv @@ ${tsq}::tsquery)`;
  }
  const match = toMatchQuery(q);
  if (!match) return undefined;
  return sql`${idColumn} in (select rowid / 8 from search_index where search_index match ${match} and rowid % 8 = ${TYPE_CODE[type]})`;
}
