import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { peopleNames } from "@/db/queries/audit";
import { AuditDescriber, participantIds, type Item } from "@/lib/audit/changes";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";

/** The describer for the reader: their language and time zone, and the names old events need. */
export async function auditDescriber(events: { before: Item | null; after: Item | null }[]) {
  const [t, locale, { zone }] = await Promise.all([getTranslations(), viewerLocale(), viewerTimeZone()]);
  const names = await peopleNames(getDb(), participantIds(events));
  return new AuditDescriber(t, locale, zone, names);
}
