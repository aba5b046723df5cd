import { z } from "zod";
import { PARTNER_KINDS, PARTNER_STATUSES, RELATIONSHIP_LEVELS } from "@/lib/domain";
import { normaliseDate } from "@/lib/format";
import { blankToUndefined, datePrecision, isoDate, keyed, optionalText, partialIsoDate, requiredText, timeZone, version } from "./common";

const coordinate = (min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().min(min).max(max).optional());

const partnerFields = z.object({
  slug: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, keyed("slug")),
  nameEn: requiredText(200),
  nameKo: requiredText(200),
  nameLocal: optionalText(200),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, keyed("country")),
  kind: z.enum(PARTNER_KINDS),
  level: z.enum(RELATIONSHIP_LEVELS),
  status: z.enum(PARTNER_STATUSES),
  /** "2008", "2019-11" or "2019-11-27", as the form takes it… */
  since: z.preprocess((v) => (v === "" || v === null ? undefined : v), partialIsoDate.optional()),
  /** …or the stored first day with its precision, as the API returns it. `since` wins when both are given. */
  sinceDate: blankToUndefined(isoDate.optional()),
  sincePrecision: z.preprocess((v) => (v === "" || v === null ? undefined : v), datePrecision.optional()),
  timeZone: timeZone.default("UTC"),
  summary: optionalText(5000),
  latitude: coordinate(-90, 90),
  longitude: coordinate(-180, 180),
});

/** Derives the stored since date and precision from what the user typed ("2008" is a year). */
function withSince<T extends { since?: string; sinceDate?: string; sincePrecision?: "year" | "month" | "day" }>(v: T) {
  const { since: typed, sinceDate, sincePrecision, ...rest } = v;
  const since = typed ?? sinceDate;
  if (!since) return { ...rest, sinceDate: null, sincePrecision: null };
  const precision = sincePrecision ?? (since.length === 4 ? "year" : since.length === 7 ? "month" : "day");
  return { ...rest, sinceDate: normaliseDate(since, precision), sincePrecision: precision };
}

export const createPartnerSchema = partnerFields.transform(withSince);
export const updatePartnerSchema = partnerFields.extend({ version }).transform(withSince);

export type CreatePartnerInput = z.input<typeof createPartnerSchema>;
export type CreatePartner = z.output<typeof createPartnerSchema>;
export type UpdatePartner = z.output<typeof updatePartnerSchema>;
