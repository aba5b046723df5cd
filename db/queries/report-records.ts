// The partners and people reports: the lists whose exports the import reads back
// (lib/import/columns.ts), in the same query shape as the other reports of reports.ts.
import { reportWhere, whenSet, type ReportQuery } from "./report-query";
import type { ReportFilters } from "./reports";
import type { PartnerBasics, PersonBasics } from "@/lib/types/lists";

export interface PartnerRow extends PartnerBasics {
  sinceDate: string | null;
  sincePrecision: string | null;
  timeZone: string;
  summary: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface PersonRow extends Omit<PersonBasics, "partnerId"> {
  organisation: string | null;
  partnerEn: string | null;
  partnerKo: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
}

export function partnersQuery(f: ReportFilters): ReportQuery {
  const w = reportWhere(f, "p.id", "p.archived_at is null");
  whenSet(w, "p.status = ?", f.status);
  return {
    from: "partner p",
    select: `p.id, p.slug, p.name_en as "nameEn", p.name_ko as "nameKo", p.name_local as "nameLocal", p.country, p.kind, p.level, p.status,
      p.since_date as "sinceDate", p.since_precision as "sincePrecision", p.time_zone as "timeZone", p.summary, p.latitude, p.longitude`,
    order: "p.name_en, p.id",
    w,
  };
}

export function peopleQuery(f: ReportFilters): ReportQuery {
  const w = reportWhere(f, "o.partner_id", "o.archived_at is null");
  return {
    from: "person o left join partner p on p.id = o.partner_id",
    select: `o.id, o.name_en as "nameEn", o.name_local as "nameLocal", o.title, o.organisation, o.side, p.name_en as "partnerEn",
      p.name_ko as "partnerKo", o.email, o.phone, o.notes`,
    order: "o.name_en, o.id",
    w,
  };
}
