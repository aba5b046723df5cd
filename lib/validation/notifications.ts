import { z } from "zod";
import { FOLLOWABLE_TYPES, MAIL_PREFERENCES } from "@/lib/notifications/kinds";
import { id } from "./common";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const notificationListSchema = z.object({
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(200).optional()),
  /** The id of the oldest notice already shown: the next page is older. */
  before: z.preprocess(blank, id.optional()),
  unread: z.preprocess(blank, z.enum(["true", "false"]).optional()),
});

export const markReadSchema = z.union([
  z.object({ ids: z.array(id).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export const followSchema = z.object({ recordType: z.enum(FOLLOWABLE_TYPES), recordId: id, follow: z.boolean() });

export const mailPreferenceSchema = z.object({ mail: z.enum(MAIL_PREFERENCES) });

export const notificationSettingsSchema = z.object({
  dueSoonDays: z.coerce.number().int().min(1).max(60),
  agreementFirstDays: z.coerce.number().int().min(1).max(365),
  agreementSecondDays: z.coerce.number().int().min(1).max(365),
  digestHour: z.coerce.number().int().min(0).max(23),
  giftHandoverDays: z.coerce.number().int().min(1).max(365),
  giftSoonDays: z.coerce.number().int().min(1).max(60),
});
