// The partners and people reports: the lists whose exports the import reads back
// (lib/import/columns.ts), in the same query shape as the other reports of reports.ts.
import type { ReportFilters } from "./reports";
import type { PartnerBasics, PersonBasics } from "@/lib/types/lists";

export interface RecordQuery {
  from: string;
  select: string;
  order: string;
  w: { sql: string[]; args: (string | number)[] };
}

function partnerIn(w: RecordQuery["w"], col: string, f: ReportFilters) {
  if (f.partnerIds?.length) {
    w.sql.push(`${col} in (${f.partnerIds.map(() => "?").join(",")})`);
    w.args.push(...f.partnerIds);
  }
}

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

export function partnersQuery(f: ReportFilters): RecordQuery {
  const w: RecordQuery["w"] = { sql: ["p.archived_at is null"], args: [] };
  partnerIn(w, "p.id", f);
  if (f.status) {
    w.sql.push("p.status = ?");
    w.args.push(f.status);
  }
  return {
    from: "partner p",
    select: `p.id, p.slug, p.name_en as "nameEn", p.name_ko as "nameKo", p.name_local as "nameLocal", p.country, p.kind, p.level, p.status,
      p.since_date as "sinceDate", p.since_precision as "sincePrecision", p.time_zone as "timeZone", p.summary, p.latitude, p.longitude`,
    order: "p.name_en, p.id",
    w,
  };
}

export function peopleQuery(f: ReportFilters): RecordQuery {
  const w: RecordQuery["w"] = { sql: ["o.archived_at is null"], args: [] };
  partnerIn(w, "o.partner_id", f);
  return {
    from: "person o left join partner p on p.id = o.partner_id",
    select: `o.id, o.name_en as "nameEn", o.name_local as "nameLocal", o.title, o.organisation, o.side, p.name_en as "partnerEn",
      p.name_ko as "partnerKo", o.email, o.phone, o.notes`,
    order: "o.name_en, o.id",
    w,
  };
}
