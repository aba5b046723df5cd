import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../audit";
import { writeAudit } from "../audit";
import type { Db } from "../client";
import { auditEvent, person } from "../schema";
import { pageSize } from "./common";
import { isoDate, parseInput } from "@/lib/validation/common";
import { dayPeriodUtc } from "@/lib/format";
import { jsonField } from "../dialect";

export interface AuditRow {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  event: string;
  recordType: string;
  recordId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ipAddress: string | null;
}

const columns = {
  id: auditEvent.id,
  at: auditEvent.at,
  actorUserId: auditEvent.actorUserId,
  actorLabel: auditEvent.actorLabel,
  event: auditEvent.event,
  recordType: auditEvent.recordType,
  recordId: auditEvent.recordId,
  before: auditEvent.before,
  after: auditEvent.after,
  ipAddress: auditEvent.ipAddress,
};

/**
 * The record an event is about, named: a user by email, anything else by its title or name, and
 * a deleted record by what the event itself kept of it. SQL, so a page of events is one query.
 */
export const recordLabelSql = (e: string) => `coalesce(case ${e}.record_type
    when 'user' then (select email from "user" where id = ${e}.record_id)
    when 'meeting' then (select title from meeting where id = cast(${e}.record_id as integer))
    when 'action' then (select title from action where id = cast(${e}.record_id as integer))
    when 'milestone' then (select title from milestone where id = cast(${e}.record_id as integer))
    when 'gift' then (select item from gift where id = cast(${e}.record_id as integer))
    when 'partner' then (select name_en from partner where id = cast(${e}.record_id as integer))
    when 'person' then (select name_en from person where id = cast(${e}.record_id as integer))
    when 'api_token' then (select name from api_token where id = cast(${e}.record_id as integer))
  end,
  ${jsonField(`${e}.after`, "title")}, ${jsonField(`${e}.before`, "title")}, ${jsonField(`${e}.before`, "item")},
  ${jsonField(`${e}.before`, "nameEn")}, ${jsonField(`${e}.after`, "name")})`;
// Qualified by hand: inside a single-table select drizzle writes columns unqualified, so a
// correlated subquery over audit_event itself would compare each inner row with itself.
const recordLabel = sql<string | null>`${sql.raw(recordLabelSql('"audit_event"'))}`;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** The audit page's filters, as they come from the URL (strings, all optional). */
export const auditFilterSchema = z.object({
  actor: z.preprocess(blankToUndefined, z.string().max(320).optional()),
  type: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  event: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  from: z.preprocess(blankToUndefined, isoDate.optional()),
  to: z.preprocess(blankToUndefined, isoDate.optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  size: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

/**
 * Audit events newest first, filtered by actor label, record type, event and a period of whole
 * days (from and to inclusive) in the viewer's time zone.
 */
export async function listAuditEvents(
  db: Db,
  input: unknown,
  timeZone = "UTC",
): Promise<{ rows: (AuditRow & { recordLabel: string | null })[]; total: number; page: number; size: number }> {
  const f = parseInput(auditFilterSchema, input);
  const where: SQL[] = [];
  if (f.actor) where.push(eq(auditEvent.actorLabel, f.actor));
  if (f.type) where.push(eq(auditEvent.recordType, f.type));
  if (f.event) where.push(eq(auditEvent.event, f.event));
  const { fromAt, toAt } = dayPeriodUtc(f.from, f.to, timeZone);
  if (fromAt) where.push(gte(auditEvent.at, fromAt));
  if (toAt) where.push(lt(auditEvent.at, toAt));
  const cond = where.length ? and(...where) : undefined;
  const size = pageSize(f.size, 50);
  const total = (await db.select({ n: count() }).from(auditEvent).where(cond).limit(1))[0]!.n;
  const rows = (await db
    .select({
      ...columns,
      recordLabel,
    })
    .from(auditEvent)
    .where(cond)
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(size)
    .offset((f.page - 1) * size)) as (AuditRow & { recordLabel: string | null })[];
  return { rows, total, page: f.page, size };
}

/** The values the filters can take, from what the trail actually holds. */
export async function auditFilterOptions(db: Db): Promise<{ actors: string[]; types: string[]; events: string[] }> {
  const distinct = async <K extends "actorLabel" | "recordType" | "event">(col: K) =>
    (await db
      .selectDistinct({ v: auditEvent[col] })
      .from(auditEvent)
      .orderBy(asc(auditEvent[col])))
      .map((r) => r.v);
  return { actors: await distinct("actorLabel"), types: await distinct("recordType"), events: await distinct("event") };
}

/** One record's own history, newest first. */
export async function recordHistory(db: Db, recordType: string, recordId: string | number, limit = 50): Promise<AuditRow[]> {
  return (await db
    .select(columns)
    .from(auditEvent)
    .where(and(eq(auditEvent.recordType, recordType), eq(auditEvent.recordId, String(recordId))))
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(limit)) as AuditRow[];
}

/** For exporters: records that a report left the system, who took it and with which filters. */
export async function auditExport(db: Db, actor: Actor, e: { report: string; format: string; filters?: Record<string, unknown> }): Promise<void> {
  await writeAudit(db, actor, { event: "export", recordType: "report", recordId: e.report, after: { format: e.format, filters: e.filters ?? {} } });
}

/** Names of people by id, for participants that old history stored by id only. */
export async function peopleNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  return new Map((await db.select({ id: person.id, name: person.nameEn }).from(person).where(inArray(person.id, ids))).map((r) => [r.id, r.name]));
}

/** The fields a change touched, with their values before and after, for display. */
export function changedFields(e: Pick<AuditRow, "before" | "after">): { field: string; before: unknown; after: unknown }[] {
  const b = e.before ?? {};
  const a = e.after ?? {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].map((field) => ({ field, before: b[field], after: a[field] }));
}
