import { z } from "zod";
import { ROLES, TOKEN_SCOPES } from "@/lib/domain";
import { MIN_PASSWORD_LENGTH, MIN_PASSWORD_SCORE, passwordScore } from "@/lib/password-strength";
import { keyed, optionalId, requiredText } from "./common";

export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { ...keyed("passwordLength", { min: MIN_PASSWORD_LENGTH }), abort: true })
  .max(128, { ...keyed("tooLong", { max: 128 }), abort: true })
  .refine((p) => passwordScore(p) >= MIN_PASSWORD_SCORE, keyed("passwordWeak"));

export const createUserSchema = z.object({
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email(keyed("email")).max(320)),
  name: requiredText(200),
  role: z.enum(ROLES),
  password,
});
export const setRoleSchema = z.object({ userId: z.string().min(1).max(100), role: z.enum(ROLES) });
export const resetPasswordSchema = z.object({ userId: z.string().min(1).max(100), password });
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: password, confirm: z.string().max(128) })
  .refine((v) => v.newPassword === v.confirm, { path: ["confirm"], ...keyed("passwordsDiffer") });
export const signInSchema = z.object({
  email: z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email(keyed("email")).max(320)),
  password: z.string().min(1).max(128),
});
export const createTokenSchema = z.object({
  name: requiredText(100),
  role: z.enum(ROLES),
  scope: z.enum(TOKEN_SCOPES).default("api"),
  partnerId: optionalId,
});

const noSpaces = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "") : v);
/** Six digits from the authenticator app, or a backup code as better-auth makes them (xxxxx-xxxxx). */
export const secondFactorCodeSchema = z.object({
  code: z.preprocess(noSpaces, z.string().regex(/^(\d{6}|[A-Za-z0-9]{5}-[A-Za-z0-9]{5})$/, keyed("secondFactorCode"))),
});
export const totpCodeSchema = z.object({ code: z.preprocess(noSpaces, z.string().regex(/^\d{6}$/, keyed("totpCode"))) });
export const currentPasswordSchema = z.object({ password: z.string().min(1).max(128) });
export const requireAdminTwoFactorSchema = z.object({ required: z.enum(["on", "off"]) });
