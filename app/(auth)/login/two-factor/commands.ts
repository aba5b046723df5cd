"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/server/auth/guard";
import { attemptSecondFactor } from "@/server/auth/sign-in";
import { checkSecondFactor, pendingSecondFactor } from "@/server/auth/two-factor";
import { formText } from "@/lib/form-data";
import { secondFactorCodeSchema } from "@/lib/validation/users";

export interface CodeState {
  error?: string;
  fieldError?: string;
  /** The challenge is gone (10 minutes, or too many codes): the password must be given again. */
  restart?: boolean;
}

export async function verifyCode(_prev: CodeState, form: FormData): Promise<CodeState> {
  const t = await getTranslations("twoFactor");
  const h = await headers();
  const pending = await pendingSecondFactor(h);
  if (!pending) return { error: t("expired"), restart: true };
  const parsed = secondFactorCodeSchema.safeParse({ code: formText(form, "code") });
  if (!parsed.success) return { fieldError: t("codeFormat") };
  const outcome = await attemptSecondFactor(getDb(), { email: pending.email, ip: await clientIp() }, () => checkSecondFactor(parsed.data.code, h));
  if (outcome.ok) redirect("/");
  if (outcome.reason === "limited") return { error: t("rateLimited", { minutes: outcome.minutes }) };
  if (outcome.reason === "expired") return { error: t("expired"), restart: true };
  return { fieldError: t("wrongCode") };
}
