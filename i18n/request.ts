import fs from "node:fs";
import path from "node:path";
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/format";

export const LOCALE_COOKIE = "bh_locale";

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/**
 * messages/<locale>.json holds the shared words; messages/<locale>/<area>.json the words of one
 * area (each file's top-level keys are its namespaces). Read once per process.
 */
export function loadMessages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(process.cwd(), "messages");
  const out = JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), "utf8")) as Messages;
  const areaDir = path.join(dir, locale);
  if (fs.existsSync(areaDir))
    for (const f of fs.readdirSync(areaDir).filter((x) => x.endsWith(".json")).sort())
      Object.assign(out, JSON.parse(fs.readFileSync(path.join(areaDir, f), "utf8")) as Messages);
  cache.set(locale, out);
  return out;
}

// No locale in the URL: the language is a per-browser choice kept in a cookie.
export default getRequestConfig(async () => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(value) ? value : DEFAULT_LOCALE;
  return { locale, messages: loadMessages(locale), timeZone: "UTC" };
});
