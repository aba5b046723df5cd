import type { MetadataRoute } from "next";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, loadMessages } from "@/i18n/request";
import { isLocale, type Locale } from "@/lib/format";

/**
 * The web app manifest in the reader's language: the one chosen in the app (its cookie), else the
 * browser's first preference between English and Korean. A manifest holds one language, so it is
 * built per request.
 */
async function manifestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const accepted = (await headers()).get("accept-language") ?? "";
  const first = accepted.split(",").map((p) => p.trim().slice(0, 2).toLowerCase()).find((l) => l === "en" || l === "ko");
  return first === "ko" ? "ko" : "en";
}

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const lang = await manifestLocale();
  const common = loadMessages(lang).common as { appName: string; tagline: string };
  return {
    name: `${common.appName} — ${common.tagline}`,
    short_name: common.appName,
    description: common.tagline,
    lang,
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#184c88",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512", purpose: "maskable" },
    ],
  };
}
