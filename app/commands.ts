"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale } from "@/lib/format";
import { servesHttps } from "@/lib/https";
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
