// The columns of each tabular report, in English or Korean.
import { createTranslator } from "next-intl";
import { type ReportRows, type ActionRow, type AuditRow, type GiftRow, type MeetingRow, type TabularReport } from "@/db/queries/reports";
import { loadMessages } from "@/i18n/request";
import { declarationStatus, type GiftDeclaration, type RateLookup } from "@/db/queries/exchange-rates";
import { utcToZonedParts, type Locale } from "@/lib/format";
import { AuditDescriber } from "@/lib/audit/changes";
import { partnerColumns, personColumns } from "./record-columns";
import { type Column } from "./table";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: loadMessages(locale) as never }) as unknown as (k: string, v?: Record<string, string | number>) => string;
  // Labels repeat on every row of an export: formatting each message once keeps exports fast.
  const cache = new Map<string, string>();
  return (key, values) => {
    if (values) return t(key, values);
    let hit = cache.get(key);
    if (hit === undefined) cache.set(key, (hit = t(key)));
    return hit;
  };
}

export const enumLabel = (t: Translate, group: string, v: string | null) => (v ? t(`enums.${group}.${v}`) : null);

export function meetingColumns(t: Translate, lang: Locale): Column<MeetingRow>[] {
  const c = (k: string) => t(`reports.columns.${k}`);
  return [
    { header: c("id"), type: "number", width: 8, value: (r) => r.id },
    { header: c("partner"), type: "text", width: 22, value: (r) => (lang === "ko" ? r.partnerKo : r.partnerEn) },
    { header: c("title"), type: "text", width: 40, value: (r) => r.title },
    { header: c("kind"), type: "text", width: 12, value: (r) => enumLabel(t, "meetingKind", r.kind) },
    { header: c("status"), type: "text", width: 12, value: (r) => enumLabel(t, "meetingStatus", r.status) },
    { header: c("start"), type: "instant", width: 18, value: (r) => ({ at: new Date(r.startsAt), zone: r.timeZone }) },
    { header: c("timeZone"), type: "text", width: 16, value: (r) => r.timeZone },
    { header: c("duration"), type: "number", width: 10, value: (r) => r.durationMinutes },
    { header: c("venue"), type: "text", width: 24, value: (r) => r.venue },
    { header: c("city"), type: "text", width: 14, value: (r) => r.city },
    { header: c("attendees"), type: "number", width: 10, value: (r) => r.attendeeCount },
    { header: c("topics"), type: "text", width: 40, value: (r) => r.topics },
    { header: c("summary"), type: "text", width: 50, value: (r) => r.summary },
    { header: c("outcomes"), type: "text", width: 50, value: (r) => r.outcomes },
    { header: c("notes"), type: "text", width: 40, value: (r) => r.notes },
  ];
}

function actionColumns(t: Translate, lang: Locale, zone: string): Column<ActionRow>[] {
  const c = (k: string) => t(`reports.columns.${k}`);
  return [
    { header: c("id"), type: "number", width: 8, value: (r) => r.id },
    { header: c("partner"), type: "text", width: 22, value: (r) => (lang === "ko" ? r.partnerKo : r.partnerEn) },
    { header: c("meeting"), type: "text", width: 30, value: (r) => r.meetingTitle },
    { header: c("title"), type: "text", width: 40, value: (r) => r.title },
    { header: c("side"), type: "text", width: 10, value: (r) => enumLabel(t, "actionSide", r.side) },
    {
      header: c("owner"),
      type: "text",
      width: 22,
      value: (r) => r.ownerUser ?? (r.ownerPerson ? (r.ownerPersonLocal ? `${r.ownerPerson} (${r.ownerPersonLocal})` : r.ownerPerson) : null),
    },
    { header: c("due"), type: "date", width: 12, value: (r) => r.dueOn },
    { header: c("status"), type: "text", width: 12, value: (r) => enumLabel(t, "actionStatus", r.status) },
    { header: c("priority"), type: "text", width: 10, value: (r) => enumLabel(t, "priority", r.priority) },
    { header: c("completed"), type: "instant", width: 18, value: (r) => (r.completedAt ? { at: new Date(r.completedAt), zone } : null) },
    { header: c("description"), type: "text", width: 50, value: (r) => r.description },
  ];
}

/** A gift row with the declaration rule's verdict (db/queries/exchange-rates.ts). */
type GiftExportRow = GiftRow & { declaration: GiftDeclaration };

export function withDeclarations(rows: ReportRows<GiftRow>, rateOn: RateLookup): ReportRows<GiftExportRow> {
  const judge = (r: GiftRow): GiftExportRow => {
    const onDate = utcToZonedParts(new Date(r.meetingAt), r.meetingZone).date;
    return { ...r, declaration: declarationStatus({ ...r, onDate }, rateOn) };
  };
  if (Symbol.asyncIterator in rows)
    return (async function* () {
      for await (const r of rows) yield judge(r);
    })();
  return (function* () {
    for (const r of rows) yield judge(r);
  })();
}

function giftColumns(t: Translate, lang: Locale): Column<GiftExportRow>[] {
  const c = (k: string) => t(`reports.columns.${k}`);
  return [
    { header: c("id"), type: "number", width: 8, value: (r) => r.id },
    { header: c("meetingDate"), type: "instant", width: 18, value: (r) => ({ at: new Date(r.meetingAt), zone: r.meetingZone }) },
    { header: c("partner"), type: "text", width: 22, value: (r) => (lang === "ko" ? r.partnerKo : r.partnerEn) },
    { header: c("meeting"), type: "text", width: 30, value: (r) => r.meetingTitle },
    { header: c("direction"), type: "text", width: 10, value: (r) => enumLabel(t, "giftDirection", r.direction) },
    { header: c("item"), type: "text", width: 30, value: (r) => r.item },
    { header: c("description"), type: "text", width: 40, value: (r) => r.description },
    { header: c("origin"), type: "text", width: 20, value: (r) => r.origin },
    { header: c("from"), type: "text", width: 20, value: (r) => r.fromName },
    { header: c("to"), type: "text", width: 20, value: (r) => r.toName },
    { header: c("value"), type: "number", width: 12, value: (r) => r.estimatedValue },
    { header: c("currency"), type: "text", width: 8, value: (r) => r.currency },
    { header: c("valueKrw"), type: "number", width: 14, value: (r) => (r.declaration.valueKrw === null ? null : Math.round(r.declaration.valueKrw)) },
    { header: c("declaration"), type: "text", width: 24, value: (r) => t(`reports.declaration.${r.declaration.status}`) },
    { header: c("declaredOn"), type: "date", width: 12, value: (r) => r.declaredOn },
    { header: c("disposition"), type: "text", width: 20, value: (r) => enumLabel(t, "disposition", r.disposition) },
  ];
}

/** Whether a message exists, for the describer's fallbacks (an unknown field keeps its key). */
function hasMessage(messages: Record<string, unknown>, key: string): boolean {
  let o: unknown = messages;
  for (const k of key.split(".")) o = o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined;
  return typeof o === "string";
}

/** The trail as people read it on /admin/audit: events, records by name, changes in words. */
function auditColumns(t: Translate, lang: Locale, zone: string): Column<AuditRow>[] {
  const c = (k: string) => t(`reports.columns.${k}`);
  const messages = loadMessages(lang);
  const words = Object.assign((k: string, v?: Record<string, string | number>) => t(k, v), { has: (k: string) => hasMessage(messages, k) });
  const describer = new AuditDescriber(words, lang, zone);
  const label = (group: string, v: string) => (words.has(`audit.${group}.${v}`) ? t(`audit.${group}.${v}`) : v);
  const json = (s: string | null) => (s ? (JSON.parse(s) as Record<string, unknown>) : null);
  return [
    { header: c("id"), type: "number", width: 8, value: (r) => r.id },
    { header: c("at"), type: "instant", width: 18, value: (r) => ({ at: new Date(r.at), zone }) },
    { header: c("actor"), type: "text", width: 24, value: (r) => r.actorLabel },
    { header: c("event"), type: "text", width: 12, value: (r) => label("events", r.event) },
    { header: c("recordType"), type: "text", width: 12, value: (r) => label("types", r.recordType) },
    { header: c("recordId"), type: "text", width: 10, value: (r) => r.recordId },
    { header: c("record"), type: "text", width: 30, value: (r) => r.recordLabel },
    { header: c("changes"), type: "text", width: 60, value: (r) => describer.text(r.recordType, json(r.before), json(r.after)) },
    { header: c("ip"), type: "text", width: 16, value: (r) => r.ipAddress },
  ];
}

/** The columns of a tabular report in a language. */
export function tabularColumns(report: TabularReport, t: Translate, lang: Locale, zone: string): Column<never>[] {
  switch (report) {
    case "meetings":
      return meetingColumns(t, lang);
    case "actions":
      return actionColumns(t, lang, zone);
    case "gifts":
      return giftColumns(t, lang);
    case "partners":
      return partnerColumns(t);
    case "people":
      return personColumns(t, lang);
    case "audit":
      return auditColumns(t, lang, zone);
  }
}

