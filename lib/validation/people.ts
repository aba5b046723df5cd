import { z } from "zod";
import { PERSON_SIDES } from "@/lib/domain";
import { messageKey, optionalId, optionalText, requiredText, version } from "./common";

const personFields = z.object({
  nameEn: requiredText(200),
  nameLocal: optionalText(200),
  title: optionalText(300),
  organisation: optionalText(300),
  side: z.enum(PERSON_SIDES),
  partnerId: optionalId,
  email: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.email().max(320).optional()),
  phone: optionalText(60),
  notes: optionalText(5000),
});

const sideRule = <T extends { side: string; partnerId?: number }>(v: T, ctx: z.RefinementCtx) => {
  if (v.side === "partner" && !v.partnerId)
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: messageKey("choosePartnerOfPerson") });
  if (v.side === "home" && v.partnerId)
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: messageKey("homeNoPartner") });
};

export const createPersonSchema = personFields.superRefine(sideRule);
export const updatePersonSchema = personFields.extend({ version }).superRefine(sideRule);
export type CreatePerson = z.output<typeof createPersonSchema>;
export type UpdatePerson = z.output<typeof updatePersonSchema>;
