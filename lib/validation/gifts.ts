import { z } from "zod";
import { GIFT_DIRECTIONS, GIFT_DISPOSITIONS } from "@/lib/domain";
import { id, keyed, messageKey, optionalId, optionalIsoDate, optionalNumber, optionalText, requiredText, version } from "./common";

const currency = z.preprocess(
  // null is how the API returns a value still to be appraised: it reads back as "no currency".
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase()) : v === null ? undefined : v),
  z.string().regex(/^[A-Z]{3}$/, keyed("currencyCode")).optional(),
);

export const giftFields = z.object({
  direction: z.enum(GIFT_DIRECTIONS),
  item: requiredText(300),
  description: optionalText(5000),
  origin: optionalText(300),
  fromPersonId: optionalId,
  toPersonId: optionalId,
  /** Index into the meeting form's participants, for people added in the same form. */
  fromParticipantIndex: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(0).max(499).optional()),
  toParticipantIndex: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().min(0).max(499).optional()),
  estimatedValue: optionalNumber({ max: 1e12 }),
  currency,
  declaredOn: optionalIsoDate,
  disposition: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(GIFT_DISPOSITIONS).optional()),
});

export const giftValueRule = <T extends { estimatedValue?: number; currency?: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.estimatedValue !== undefined && !v.currency)
    ctx.addIssue({ code: "custom", path: ["currency"], message: messageKey("currencyNeeded") });
};

/** A gift in the meeting form or a meeting's API payload; an id keeps an existing gift (and its id). */
export const giftInMeetingSchema = giftFields.extend({ id: optionalId, item: requiredText(300, "enterItem") }).superRefine(giftValueRule);
export const createGiftSchema = giftFields.extend({ meetingId: id }).superRefine(giftValueRule);
export const updateGiftSchema = giftFields.extend({ meetingId: id, version }).superRefine(giftValueRule);
export type GiftInMeeting = z.output<typeof giftInMeetingSchema>;
export type CreateGift = z.output<typeof createGiftSchema>;
export type UpdateGift = z.output<typeof updateGiftSchema>;
