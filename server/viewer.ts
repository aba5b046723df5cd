import "server-only";
import { cookies } from "next/headers";
import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { getHomeRegion } from "@/db/queries/settings";
import { isLocale, isValidTimeZone, type Locale } from "@/lib/format";

/** The viewer's zone: the browser's (cookie), else the home region's. */
export async function viewerTimeZone(): Promise<{ zone: string; fromBrowser: string | null }> {
  const raw = (await cookies()).get("bh_tz")?.value;
  const fromBrowser = raw && isValidTimeZone(decodeURIComponent(raw)) ? decodeURIComponent(raw) : null;
  return { zone: fromBrowser ?? (await getHomeRegion(getDb())).timeZone, fromBrowser };
}

export async function viewerLocale(): Promise<Locale> {
  const l = await getLocale();
  return isLocale(l) ? l : "en";
}
