"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale } from "@/lib/format";
import { servesHttps } from "@/lib/https";
import { MIN_PASSWORD_LENGTH, passwordScore } from "@/lib/password-strength";
import type { CommandResult } from "@/lib/types/command";
import { runCommand } from "@/server/auth/command";
import { getAuth } from "@/server/auth/server";
import { LOCALE_COOKIE } from "@/i18n/request";

/** Keeps the chosen language in a cookie for a year. */
export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: false, secure: servesHttps() });
}

export async function signOut(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/login");
}

/**
 * The strength meter's score (0–4) of a password being typed, from the same estimator the server's
 * check uses. zxcvbn and its dictionaries stay on the server (they are large), so the browser asks
 * here. Only for a signed-in user (also one who must still change a temporary password).
 */
export async function passwordStrength(password: string): Promise<CommandResult<number>> {
  return runCommand(
    "read",
    async () => {
      if (typeof password !== "string" || !password) return 0;
      const value = password.slice(0, 128);
      return value.length < MIN_PASSWORD_LENGTH ? Math.min(passwordScore(value), 1) : passwordScore(value);
    },
    { whilePasswordChangeRequired: true, whileTwoFactorEnrolmentRequired: true },
  );
}
