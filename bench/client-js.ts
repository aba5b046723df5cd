import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const SCRIPT_PATH = /\/_next\/static\/[^"'\s)]+?\.js/g;

/**
 * The /_next/static scripts a page's HTML makes a modern browser load: every such path the HTML
 * names, less those only a `<script noModule>` loads (Next's polyfills, which browsers with ES
 * modules skip).
 */
export function loadedScripts(html: string): Set<string> {
  const noModule = new Set<string>();
  for (const tag of html.matchAll(/<script\b[^>]*>/gi)) {
    if (!/\snomodule(?=[\s=>/])/i.test(tag[0])) continue;
    for (const m of tag[0].matchAll(SCRIPT_PATH)) noModule.add(m[0]);
  }
  return new Set([...html.matchAll(SCRIPT_PATH)].map((m) => m[0]).filter((src) => !noModule.has(src)));
}

/**
 * Client JavaScript a route loads: the scripts loadedScripts finds in its served HTML, read from the
 * build output and gzipped here (level 9, as a CDN would).
 */
export async function clientJsPerRoute(baseUrl: string, cookie: string, routes: string[]): Promise<{ route: string; files: number; gzipKb: number }[]> {
  const out: { route: string; files: number; gzipKb: number }[] = [];
  for (const route of routes) {
    // The sign-in page is what a signed-out browser loads; signed in, it redirects.
    const html = await (await fetch(baseUrl + route, { headers: route === "/login" ? {} : { cookie } })).text();
    const srcs = loadedScripts(html);
    let bytes = 0;
    for (const src of srcs) {
      const file = path.join(".next", "static", src.replace("/_next/static/", ""));
      if (fs.existsSync(file)) bytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    }
    out.push({ route, files: srcs.size, gzipKb: Math.round(bytes / 102.4) / 10 });
  }
  return out;
}
