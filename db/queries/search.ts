import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { toMatchQuery, TYPE_CODE } from "../search";
import { ON_PG, msText } from "../dialect";
import { toTsQuery } from "../search-pg";
import { rawAll, rawGet } from "../tx";
import type { SearchType } from "@/lib/types/search";
import type { SearchGroup } from "@/lib/types/search";

// The shell's search: every record type from the one FTS5 index, newest records first. Each
// type's query walks the index's matches backwards by rowid (which encodes the type and the
// record id) and stops at the limit, looking each record up by its primary key: it costs the
// hits shown, not the number of records. (Ranking by relevance would score every match: seconds
// for a partner's name at 100k meetings.)



type Row = { id: number; title: string; detail: string | null; alt: string | null; slug: string | null; link: number | null; at: number | null; tz: string | null };

/** The record an index entry is of: SQLite encodes it in the rowid, PostgreSQL's index has the column. */
const REC = ON_PG ? "s.record_id" : "s.rowid / 8";

// Per type: the columns of a hit and the join from the index (`s`) to the record (`x`).
// Archived records are left out, as in every list.
const QUERIES: Record<SearchType, string> = {
  partner: `select x.id, x.name_en title, x.name_ko detail, x.name_local alt, x.slug, null link, null at, null tz
    from search_index s join partner x on x.id = ${REC}`,
  person: `select x.id, x.name_en title, concat_ws(', ', x.title, x.organisation) detail, x.name_local alt, null slug, null link, null at, null tz
    from search_index s join person x on x.id = ${REC}`,
  meeting: `select x.id, x.title, p.name_en detail, p.name_ko alt, null slug, null link, ${msText("x.starts_at")} at, x.time_zone tz
    from search_index s join meeting x on x.id = ${REC} join partner p on p.id = x.partner_id`,
  action: `select x.id, x.title, p.name_en detail, p.name_ko alt, null slug, x.meeting_id link, null at, null tz
    from search_index s join action x on x.id = ${REC} join partner p on p.id = x.partner_id`,
  gift: `select x.id, x.item title, m.title detail, null alt, null slug, x.meeting_id link, ${msText("m.starts_at")} at, m.time_zone tz
    from search_index s join gift x on x.id = ${REC} join meeting m on m.id = x.meeting_id`,
  visit: `select x.id, x.title, p.name_en detail, p.name_ko alt, null slug, null link, null at, null tz
    from search_index s join visit x on x.id = ${REC} left join visit_partner vp on vp.visit_id = x.id and vp.position = 0 left join partner p on p.id = vp.partner_id`,
};

function href(type: SearchType, r: Row, q: string): string {
  switch (type) {
    case "partner":
      return `/partners/${r.slug}`;
    case "person":
      return `/people/${r.id}`;
    case "meeting":
      return `/meetings/${r.id}`;
    case "gift":
      return `/meetings/${r.link}`;
    case "visit":
      return `/visits/${r.id}`;
    case "action":
      // Follow-ups have no page of their own: their meeting's, else the list filtered to them.
      return r.link ? `/meetings/${r.link}` : `/actions?q=${encodeURIComponent(q)}`;
  }
}

/** The index entries of one type that match: FTS5's MATCH, or PostgreSQL's tsquery. */
function matching(type: SearchType, match: string): SQL {
  return ON_PG
    ? sql` where s.record_type = ${type} and s.tsv @@ ${match}::tsquery and x.archived_at is null`
    : sql` where search_index match ${match} and s.rowid % 8 = ${TYPE_CODE[type]} and x.archived_at is null`;
}

function typeSql(type: SearchType, match: string, limit: number) {
  return sql.join([sql.raw(QUERIES[type]), matching(type, match), sql.raw(` order by ${ON_PG ? "s.record_id" : "s.rowid"} desc`), sql` limit ${limit}`]);
}

/** Up to `limit` newest hits of each type, with each type's total; empty when nothing is searchable. */
export async function searchAll(
  db: Db,
  q: string,
  opts: { limit?: number; types?: readonly SearchType[]; /** false: totals are the hits shown (the box needs no more, and counting costs) */ count?: boolean } = {},
): Promise<SearchGroup[]> {
  const match = ON_PG ? toTsQuery(q) : toMatchQuery(q);
  if (!match) return [];
  const limit = Math.min(Math.max(1, Math.floor(opts.limit ?? 5)), 100);
  const types = opts.types ?? (["partner", "person", "meeting", "action", "gift", "visit"] as const);
  const groups = await Promise.all(
    types.map(async (type) => {
      const rows = await rawAll<Row>(db, typeSql(type, match, limit));
      const total =
        rows.length < limit || opts.count === false
          ? rows.length
          : (await rawGet<{ n: number }>(db, sql.join([sql.raw(`select count(*) n from (${QUERIES[type]}`), matching(type, match), sql.raw(") hits")])))!.n;
      const hits = rows.map((r) => ({
        type,
        id: r.id,
        title: r.title,
        detail: r.detail || null,
        alt: r.alt || null,
        href: href(type, r, q),
        at: r.at,
        timeZone: r.tz,
      }));
      return { type, total, hits };
    }),
  );
  return groups.filter((g) => g.total > 0);
}

/** SQLite's plan for one type's search query (for tests and the performance note). */
export function explainSearch(db: Db, type: SearchType, q: string): string[] {
  const text = `explain query plan ${QUERIES[type]} where search_index match ? and s.rowid % 8 = ? and x.archived_at is null order by s.rowid desc limit 5`;
  return (db.$client.prepare(text).all(toMatchQuery(q) ?? '""', TYPE_CODE[type]) as { detail: string }[]).map((r) => r.detail);
}
