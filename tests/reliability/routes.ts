import fs from "node:fs";
import path from "node:path";

/** Every API route file under app/api, as a URL pattern with its dynamic segments named. */
export function apiRoutes(root = "app/api"): { pattern: string; params: string[]; methods: string[] }[] {
  const out: { pattern: string; params: string[]; methods: string[] }[] = [];
  const walk = (dir: string, segs: string[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, [...segs, e.name]);
      else if (e.name === "route.ts") {
        const src = fs.readFileSync(p, "utf8");
        const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(src));
        out.push({ pattern: "/" + ["api", ...segs].join("/"), params: segs.filter((s) => s.startsWith("[")), methods });
      }
    }
  };
  walk(root, []);
  return out;
}
