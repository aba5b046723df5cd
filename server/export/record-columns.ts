// Columns of the partners and people exports. They are the columns their import reads
// (lib/import/columns.ts), so a file downloaded here re-imports without loss.
import type { PartnerRow, PersonRow } from "@/db/queries/reports";
import type { Locale } from "@/lib/format";
import type { Translate } from "./report-columns";
import type { Column } from "./table";

const enumLabel = (t: Translate, group: string, v: string | null) => (v ? t(`enums.${group}.${v}`) : null);

/** "2008", "2019-11" or "2019-11-27": the since-date as precise as it is known, as the import reads it. */
function partialDate(date: string | null, precision: string | null): string | null {
  if (!date) return null;
  return precision === "year" ? date.slice(0, 4) : precision === "month" ? date.slice(0, 7) : date;
}

export function partnerColumns(t: Translate): Column<PartnerRow>[] {
  const c = (k: string) => t(`reports.columns.${k}`);
  return [
    { header: c("id"), type: "number", width: 8, value: (r) => r.id },
    { header: c("slug"), type: "text", width: 16, value: (r) => r.slug },
    { header: c("nameEn"), type: "text", width: 26, value: (r) => r.nameEn },
    { header: c("nameKo"), type: "text", width: 16, value: (r) => r.nameKo },
    { header: c("nameLocal"), type: "text", width: 16, value: (r) => r.nameLocal },
    { header: c("country"), type: "text", width: 8, value: (r) => r.country },
    { header: c("kind"), type: "text", width: 14, value: (r) => enumLabel(t, "partnerKind", r.kind) },
    { header: c("level"), type: "text", width: 14, value: (r) => enumLabel(t, "level", r.level) },
    { header: c("status"), type: "text", width: 10, value: (r) => enumLabel(t, "partnerStatus", r.status) },
    { header: c("since"), type: "text", width: 12, value: (r) => partialDate(r.sinceDate, r.sincePrecision) },
    { header: c("timeZone"), type: "text", width: 16, value: (r) => r.timeZone },
    { header: c("summary"), type: "text", width: 60, value: (r) => r.summary },
    { header: c("latitude"), type: "number", width: 10, value: (r) => r.latitude },
    { header: c("longitude"), type: "number", width: 10, value: (r) => r.longitude },
  ];
}

export function personColumns(t: Translate, lang: Locale): Column<PersonRow>[] {
  const c = (k: string) => t(`reports.columns.${k}`);
  return [
    { header: c("id"), type: "number", width: 8, value: (r) => r.id },
    { header: c("nameEn"), type: "text", width: 24, value: (r) => r.nameEn },
    { header: c("nameLocal"), type: "text", width: 16, value: (r) => r.nameLocal },
    { header: c("jobTitle"), type: "text", width: 30, value: (r) => r.title },
    { header: c("organisation"), type: "text", width: 30, value: (r) => r.organisation },
    { header: c("personSide"), type: "text", width: 12, value: (r) => enumLabel(t, "personSide", r.side) },
    { header: c("partner"), type: "text", width: 22, value: (r) => (lang === "ko" ? r.partnerKo : r.partnerEn) },
    { header: c("email"), type: "text", width: 28, value: (r) => r.email },
    { header: c("phone"), type: "text", width: 16, value: (r) => r.phone },
    { header: c("notes"), type: "text", width: 40, value: (r) => r.notes },
  ];
}
