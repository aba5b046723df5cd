import "server-only";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { getHomeRegion } from "@/db/queries/settings";
import { visitPeopleOptions } from "@/db/queries/visit-views";
import type { Locale } from "@/lib/format";

/** What both the new and the edit page hand to the form: partners, people on either side, zones. */
export async function visitFormContext(locale: Locale) {
  const db = getDb();
  const partners = await partnerOptions(db);
  const people = await visitPeopleOptions(db, partners.map((p) => p.id));
  // Computed here, not in the browser, so the server and the browser render the same list.
  const timeZones = Intl.supportedValuesOf("timeZone");
  if (!timeZones.includes("UTC")) timeZones.push("UTC");
  return {
    partners: partners.map((p) => ({ value: String(p.id), label: locale === "ko" ? p.nameKo : p.nameEn })),
    people: people.map((p) => ({ value: String(p.id), label: p.nameLocal ? `${p.nameEn} (${p.nameLocal})` : p.nameEn })),
    timeZones,
    homeZone: (await getHomeRegion(db)).timeZone,
  };
}
