// Report data for exports: tabular reports read through a cursor (better-sqlite3 `.iterate()`)
// so that any number of rows streams in bounded memory; the partner briefing is small and read
// whole. Cursors run on their own read-only connection (see openReader): while a statement is
// iterating, better-sqlite3 refuses writes on the same connection, and an export must not stall
// the app's writes. On PostgreSQL the cursor is a server-side one, fetched in batches.
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import type { Pool, QueryResultRow } from "pg";
import type { Db } from "../client";
import { instantParam, jsonText, msText, numberedParams } from "../dialect";
import { isSqlite } from "../tx";
import { loadRateLookup, rateLookup, type RateLookup } from "./exchange-rates";
import { user } from "../schema";
import { recordLabelSql } from "./audit";
import { reportWhere, whenSet, whereText, type ReportQuery, type Where } from "./report-query";
import { partnersQuery, peopleQuery, type PartnerRow, type PersonRow } from "./report-records";

export const TABULAR_REPORTS = ["meetings", "actions", "gifts", "partners", "people", "audit"] as const;
export type TabularReport = (typeof TABULAR_REPORTS)[number];

export interface ReportFilters {
  partnerIds?: number[];
  /** UTC bounds of the period: from inclusive, to exclusive. */
  fromAt?: Date;
  toAt?: Date;
  /** Calendar bounds of the period for date columns (due dates): inclusive. */
  fromDate?: string;
  toDate?: string;
  status?: string;
  ownerPersonId?: number;
}

export interface MeetingRow {
  id: number;
  partnerSlug: string;
  partnerEn: string;
  partnerKo: string;
  title: string;
  kind: string;
  status: string;
  startsAt: number;
  timeZone: string;
  durationMinutes: number | null;
  venue: string | null;
  city: string | null;
  attendeeCount: number | null;
  topics: string | null;
  summary: string | null;
  outcomes: string | null;
  notes: string | null;
}

export interface ActionRow {
  id: number;
  partnerEn: string;
  partnerKo: string;
  meetingTitle: string | null;
  title: string;
  description: string | null;
  side: string;
  ownerPerson: string | null;
  ownerPersonLocal: string | null;
  ownerUser: string | null;
  dueOn: string | null;
  status: string;
  priority: string;
  completedAt: number | null;
}

export interface GiftRow {
  id: number;
  partnerEn: string;
  partnerKo: string;
  meetingTitle: string;
  meetingAt: number;
  meetingZone: string;
  direction: string;
  item: string;
  description: string | null;
  origin: string | null;
  fromName: string | null;
  toName: string | null;
  estimatedValue: number | null;
  currency: string | null;
  declaredOn: string | null;
  disposition: string | null;
}

export interface AuditRow {
  id: number;
  at: number;
  actorLabel: string;
  event: string;
  recordType: string;
  recordId: string | null;
  recordLabel: string | null;
  before: string | null;
  after: string | null;
  ipAddress: string | null;
}

export type { PartnerRow, PersonRow };

function periodClause(w: Where, col: string, f: ReportFilters) {
  if (f.fromAt) {
    w.sql.push(`${col} >= ${instantParam}`);
    w.args.push(f.fromAt.getTime());
  }
  if (f.toAt) {
    w.sql.push(`${col} < ${instantParam}`);
    w.args.push(f.toAt.getTime());
  }
}

function meetingsQuery(f: ReportFilters): ReportQuery {
  const w = reportWhere(f, "m.partner_id", "m.archived_at is null");
  periodClause(w, "m.starts_at", f);
  whenSet(w, "m.status = ?", f.status);
  return {
    from: "meeting m join partner p on p.id = m.partner_id",
    countFrom: "meeting m",
    select: `m.id, p.slug as "partnerSlug", p.name_en as "partnerEn", p.name_ko as "partnerKo", m.title, m.kind, m.status,
      ${msText("m.starts_at")} as "startsAt", m.time_zone as "timeZone", m.duration_minutes as "durationMinutes", m.venue, m.city,
      m.attendee_count as "attendeeCount", m.topics, m.summary, m.outcomes, m.notes`,
    order: "m.starts_at, m.id",
    w,
  };
}

function actionsQuery(f: ReportFilters): ReportQuery {
  const w = reportWhere(f, "a.partner_id", "a.archived_at is null");
  whenSet(w, "a.due_on >= ?", f.fromDate);
  whenSet(w, "a.due_on <= ?", f.toDate);
  whenSet(w, "a.status = ?", f.status);
  whenSet(w, "a.owner_person_id = ?", f.ownerPersonId);
  return {
    from: `action a join partner p on p.id = a.partner_id left join meeting m on m.id = a.meeting_id
      left join person o on o.id = a.owner_person_id left join "user" u on u.id = a.owner_user_id`,
    countFrom: "action a",
    select: `a.id, p.name_en as "partnerEn", p.name_ko as "partnerKo", m.title as "meetingTitle", a.title, a.description, a.side,
      o.name_en as "ownerPerson", o.name_local as "ownerPersonLocal", u.name as "ownerUser", a.due_on as "dueOn", a.status, a.priority,
      ${msText("a.completed_at")} as "completedAt"`,
    order: "a.due_on is null, a.due_on, a.id",
    w,
  };
}

function giftsQuery(f: ReportFilters): ReportQuery {
  const w = reportWhere(f, "m.partner_id", "g.archived_at is null", "m.archived_at is null");
  periodClause(w, "m.starts_at", f);
  if (f.status === "declared") w.sql.push("g.declared_on is not null");
  if (f.status === "undeclared") w.sql.push("g.declared_on is null");
  return {
    from: `gift g join meeting m on m.id = g.meeting_id join partner p on p.id = m.partner_id
      left join person fp on fp.id = g.from_person_id left join person tp on tp.id = g.to_person_id`,
    countFrom: "gift g join meeting m on m.id = g.meeting_id",
    select: `g.id, p.name_en as "partnerEn", p.name_ko as "partnerKo", m.title as "meetingTitle", ${msText("m.starts_at")} as "meetingAt",
      m.time_zone as "meetingZone", g.direction, g.item, g.description, g.origin, fp.name_en as "fromName", tp.name_en as "toName",
      g.estimated_value as "estimatedValue", g.currency, g.declared_on as "declaredOn", g.disposition`,
    order: "m.starts_at, g.id",
    w,
  };
}

function auditQuery(f: ReportFilters): ReportQuery {
  const w = reportWhere(f, null);
  periodClause(w, "e.at", f);
  return {
    from: "audit_event e",
    select: `e.id, ${msText("e.at")} as at, e.actor_label as "actorLabel", e.event, e.record_type as "recordType", e.record_id as "recordId",
      ${recordLabelSql("e")} as "recordLabel", ${jsonText("e.before")} as before, ${jsonText("e.after")} as after, e.ip_address as "ipAddress"`,
    order: "e.id",
    w,
  };
}

const QUERIES: Record<TabularReport, (f: ReportFilters) => ReportQuery> = {
  meetings: meetingsQuery,
  actions: actionsQuery,
  gifts: giftsQuery,
  partners: partnersQuery,
  people: peopleQuery,
  audit: auditQuery,
};

export type RowOf<R extends TabularReport> = R extends "meetings"
  ? MeetingRow
  : R extends "actions"
    ? ActionRow
    : R extends "gifts"
      ? GiftRow
      : R extends "partners"
        ? PartnerRow
        : R extends "people"
          ? PersonRow
          : AuditRow;

/** How many rows a report would have (to refuse oversized exports and to show progress). */
export async function countReport(db: Db, report: TabularReport, f: ReportFilters): Promise<number> {
  if (isSqlite(db)) return countOn(db.$client, report, f);
  const q = QUERIES[report](f);
  const pool = db.$client as unknown as Pool;
  return Number((await pool.query<{ n: number }>(numberedParams(countText(q)), q.w.args)).rows[0]!.n);
}

const countText = (q: ReportQuery) => `select count(*) as n from ${q.countFrom ?? q.from} ${whereText(q.w)}`;

function countOn(conn: Database.Database, report: TabularReport, f: ReportFilters): number {
  const q = QUERIES[report](f);
  return (conn.prepare(countText(q)).get(...q.w.args) as { n: number }).n;
}

/** Rows as a cursor gives them: synchronously from SQLite, in fetched batches from PostgreSQL. */
export type ReportRows<R> = Iterable<R> | AsyncIterable<R>;

/** A connection for cursors, with the gift rule's rates read through it. */
export interface Reader {
  rows: <R extends TabularReport>(report: R, f: ReportFilters) => ReportRows<RowOf<R>>;
  rates: () => Promise<RateLookup>;
  /** The rows the report has, counted on the reader's connection. */
  count: (report: TabularReport, f: ReportFilters) => Promise<number>;
  close: () => void;
}

/**
 * The reader's page cache on SQLite. An export reads each page once, in order, so a cache does it
 * no good; better-sqlite3's default (16 MiB per connection) filled by a long export was most of
 * the memory it added (bench: +50 MiB for 100,000 meetings).
 */
const READER_CACHE_KIB = 2048;

/** Rows fetched per round trip from a PostgreSQL cursor. */
const FETCH = 1000;

async function* pgCursor<R>(pool: Pool, text: string, args: unknown[]): AsyncGenerator<R> {
  const client = await pool.connect();
  let open = false;
  try {
    // One snapshot for the whole export, as SQLite's read transaction gives.
    await client.query("begin isolation level repeatable read read only");
    open = true;
    await client.query(`declare report_rows no scroll cursor for ${numberedParams(text)}`, args);
    for (;;) {
      const batch = await client.query<QueryResultRow>(`fetch ${FETCH} from report_rows`);
      if (!batch.rows.length) break;
      yield* batch.rows as R[];
    }
    await client.query("commit");
    open = false;
  } finally {
    if (open) await client.query("rollback").catch(() => undefined);
    client.release();
  }
}

/**
 * A reader for cursors. On SQLite: a separate read-only handle on the same file (WAL gives it a
 * consistent snapshot), or the app's own handle for an in-memory database (tests). On PostgreSQL:
 * each cursor takes a pooled connection of its own for the export's length.
 */
export function openReader(db: Db): Reader {
  if (!isSqlite(db)) {
    const pool = db.$client as unknown as Pool;
    return {
      rows: (report, f) => {
        const q = QUERIES[report](f);
        return pgCursor(pool, `select ${q.select} from ${q.from} ${whereText(q.w)} order by ${q.order}`, q.w.args);
      },
      rates: () => loadRateLookup(db),
      count: (report, f) => countReport(db, report, f),
      close: () => undefined,
    };
  }
  const name = db.$client.name;
  const own = !name || name === ":memory:" || db.$client.memory;
  const conn = own ? db.$client : new Database(name, { readonly: true, fileMustExist: true });
  if (!own) {
    conn.pragma("busy_timeout = 5000");
    conn.pragma(`cache_size = -${READER_CACHE_KIB}`);
  }
  return {
    rows: (report, f) => {
      const q = QUERIES[report](f);
      return conn.prepare(`select ${q.select} from ${q.from} ${whereText(q.w)} order by ${q.order}`).iterate(...q.w.args) as IterableIterator<never>;
    },
    rates: async () => rateLookup(conn),
    count: async (report, f) => countOn(conn, report, f),
    close: () => {
      if (!own && conn.open) conn.close();
    },
  };
}

/** The name a briefing says it was prepared by: the user, or for an API token its creator's. */
export async function preparerName(db: Db, actor: { userId: string | null; onBehalfOf?: string | null; label: string }): Promise<string | null> {
  const id = actor.userId ?? actor.onBehalfOf ?? null;
  if (!id) return null;
  const row = (await db.select({ name: user.name, email: user.email }).from(user).where(eq(user.id, id)).limit(1))[0];
  return row ? row.name.trim() || row.email : null;
}
