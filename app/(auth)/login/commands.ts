"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/server/auth/guard";
import { attemptSignIn, type PasswordCheck } from "@/server/auth/sign-in";
import { getAuth } from "@/server/auth/server";
import { formText } from "@/lib/form-data";
import { fieldErrors } from "@/lib/validation/common";
import { localFieldErrors } from "@/lib/validation/local-errors";
import { signInSchema } from "@/lib/validation/users";

export interface SignInState {
  error?: string;
  fields?: Record<string, string[]>;
  email?: string;
}

export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  const t = await getTranslations("auth");
  const parsed = signInSchema.safeParse({ email: formText(form, "email"), password: formText(form, "password") });
  const email = formText(form, "email") ?? "";
  if (!parsed.success) return { fields: await localFieldErrors(fieldErrors(parsed.error)), email };
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
  if (outcome.ok) redirect(outcome.secondFactor ? "/login/two-factor" : "/");
  if (outcome.reason === "limited") return { error: t("rateLimited", { minutes: outcome.minutes }), email };
  return { error: t(outcome.reason), email };
}
