import { z } from "zod";
import { MILESTONE_KINDS } from "@/lib/domain";
import { normaliseDate } from "@/lib/format";
import { datePrecision, id, optionalIsoDate, optionalText, partialIsoDate, requiredText, version } from "./common";

const milestoneFields = z.object({
  partnerId: id,
  kind: z.enum(MILESTONE_KINDS),
  date: partialIsoDate,
  datePrecision: z.preprocess((v) => (v === "" || v === null ? undefined : v), datePrecision.optional()),
  expiresOn: optionalIsoDate,
  title: requiredText(300),
  notes: optionalText(5000),
});

function normalise<T extends { date: string; datePrecision?: "year" | "month" | "day"; expiresOn?: string }>(v: T) {
  const precision = v.datePrecision ?? (v.date.length === 4 ? "year" : v.date.length === 7 ? "month" : "day");
  return { ...v, date: normaliseDate(v.date, precision)!, datePrecision: precision, expiresOn: v.expiresOn ?? null };
}

export const createMilestoneSchema = milestoneFields.transform(normalise);
export const updateMilestoneSchema = milestoneFields.extend({ version }).transform(normalise);
export type CreateMilestone = z.output<typeof createMilestoneSchema>;
export type UpdateMilestone = z.output<typeof updateMilestoneSchema>;
