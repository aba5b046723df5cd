"use server";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/server/auth/guard";
import { attemptSecondFactor } from "@/server/auth/sign-in";
import { checkSecondFactor, pendingSecondFactor } from "@/server/auth/two-factor";
import type { CommandResult } from "@/lib/types/command";
import { messageKey } from "@/lib/validation/message-key";
import { secondFactorCodeSchema } from "@/lib/validation/users";

export interface CodeInput {
  code: string;
}

/** A wrong code shows under the field only (no form-level message), as a wrong format does. */
const codeError = (key: "secondFactorCodeFormat" | "wrongCode"): CommandResult<never> => ({
  ok: false,
  error: { code: "validation_failed", message: "", fields: { code: [messageKey(key)] } },
});

/**
 * The second step of sign-in. `details.restart` says the challenge is gone (10 minutes, or too
 * many codes): the password must be given again. No runCommand: the session starts only here.
 */
export async function verifyCode(input: CodeInput): Promise<CommandResult<{ next: "/" }>> {
  const t = await getTranslations("twoFactor");
  const h = await headers();
  const expired: CommandResult<never> = { ok: false, error: { code: "unauthorized", message: t("expired"), details: { restart: true } } };
  const pending = await pendingSecondFactor(h);
  if (!pending) return expired;
  const parsed = secondFactorCodeSchema.safeParse({ code: typeof input?.code === "string" ? input.code : "" });
  if (!parsed.success) return codeError("secondFactorCodeFormat");
  const outcome = await attemptSecondFactor(getDb(), { email: pending.email, ip: await clientIp() }, () => checkSecondFactor(parsed.data.code, h));
  if (outcome.ok) return { ok: true, data: { next: "/" } };
  if (outcome.reason === "limited") return { ok: false, error: { code: "rate_limited", message: t("rateLimited", { minutes: outcome.minutes }) } };
  if (outcome.reason === "expired") return expired;
  return codeError("wrongCode");
}
