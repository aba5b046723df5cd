import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * Client JavaScript a route loads: the /_next/static scripts referenced by its served HTML,
 * read from the build output and gzipped here (level 9, as a CDN would).
 */
export async function clientJsPerRoute(baseUrl: string, cookie: string, routes: string[]): Promise<{ route: string; files: number; gzipKb: number }[]> {
  const out: { route: string; files: number; gzipKb: number }[] = [];
  for (const route of routes) {
    // The sign-in page is what a signed-out browser loads; signed in, it redirects.
    const html = await (await fetch(baseUrl + route, { headers: route === "/login" ? {} : { cookie } })).text();
    const srcs = new Set([...html.matchAll(/\/_next\/static\/[^"'\s)]+?\.js/g)].map((m) => m[0]));
    let bytes = 0;
    for (const src of srcs) {
      const file = path.join(".next", "static", src.replace("/_next/static/", ""));
      if (fs.existsSync(file)) bytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
    }
    out.push({ route, files: srcs.size, gzipKb: Math.round(bytes / 102.4) / 10 });
  }
  return out;
}
