"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/server/auth/guard";
import { attemptSignIn, type PasswordCheck } from "@/server/auth/sign-in";
import { getAuth } from "@/server/auth/server";
import type { CommandResult } from "@/lib/types/command";
import { fieldErrors } from "@/lib/validation/common";
import { signInSchema } from "@/lib/validation/users";

export interface SignInInput {
  email: string;
  password: string;
}

/**
 * Checks the password (counted first by the sign-in limit) and answers where the browser goes next:
 * the app, or the code step when the account has two-step sign-in. The form loads that page in full,
 * so it is rendered with the session (or challenge) cookie set here. No runCommand: nobody is signed in yet.
 */
export async function signIn(input: SignInInput): Promise<CommandResult<{ next: "/" | "/login/two-factor" }>> {
  const t = await getTranslations("auth");
  const parsed = signInSchema.safeParse({ email: text(input?.email), password: text(input?.password) });
  if (!parsed.success) return { ok: false, error: { code: "validation_failed", message: "", fields: fieldErrors(parsed.error) } };
  const h = await headers();
  const check = async (): Promise<PasswordCheck> => {
    try {
      const res = await getAuth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: h });
      // With two-step sign-in on, better-auth holds the session back and sets a challenge cookie.
      return "twoFactorRedirect" in res && res.twoFactorRedirect ? "second-factor" : "ok";
    } catch (e) {
      if (!(e instanceof APIError)) throw e;
      // The admin plugin refuses a banned user only after the password verified.
      return (e.body as { code?: string } | undefined)?.code === "BANNED_USER" ? "deactivated" : "invalid";
    }
  };
  const outcome = await attemptSignIn(getDb(), { email: parsed.data.email, ip: await clientIp() }, check);
  if (outcome.ok) return { ok: true, data: { next: outcome.secondFactor ? "/login/two-factor" : "/" } };
  if (outcome.reason === "limited") return { ok: false, error: { code: "rate_limited", message: t("rateLimited", { minutes: outcome.minutes }) } };
  return { ok: false, error: { code: "unauthorized", message: t(outcome.reason) } };
}

const text = (v: unknown) => (typeof v === "string" ? v : "");
