// What the client components under a part of app/ ask of the message catalogue, read from the
// source: the import graph from that part's files, the modules that run in the browser ("use
// client" ones and everything they import), and in them each `useTranslations(ns)` and each
// literal key its translator is called with.
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const EXTS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const e of EXTS) {
    const p = base + e;
    if (fs.existsSync(p) && fs.statSync(p).isFile() && /\.tsx?$/.test(p)) return p;
  }
  return null;
}

const sources = new Map<string, string>();
function source(file: string): string {
  let s = sources.get(file);
  if (s === undefined) sources.set(file, (s = fs.readFileSync(file, "utf8")));
  return s;
}

function imports(file: string): string[] {
  const s = source(file);
  // Type-only imports never reach the browser.
  const specs = [...s.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gm), ...s.matchAll(/import\(\s*"([^"]+)"\s*\)/g), ...s.matchAll(/^\s*import\s+"([^"]+)"/gm)].map((m) => m[1]!);
  return specs.map((sp) => resolve(file, sp)).filter((p): p is string => p !== null);
}

const isClientDirective = (file: string) => /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use client["']/.test(source(file));

/** The modules that run in the browser when these entry files render. */
export function clientModules(entries: string[]): Set<string> {
  const client = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const c = inClient || isClientDirective(file);
    const key = `${c}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (c) client.add(file);
    for (const dep of imports(file)) visit(dep, c);
  };
  for (const e of entries) visit(e, false);
  return client;
}

export interface Use {
  file: string;
  /** The translator's namespace ("" for the whole catalogue). */
  namespace: string;
  /** Full keys called with a literal; a template literal gives its static prefix, ending in ".". */
  keys: string[];
}

/** Every translator a module makes with `useTranslations`, and the keys it is called with. */
export function translationUses(file: string): Use[] {
  const s = source(file);
  const out: Use[] = [];
  const decls = [...s.matchAll(/const\s+(\w+)\s*=\s*useTranslations\(\s*(?:"([^"]*)")?\s*\)/g)];
  for (const [i, m] of decls.entries()) {
    const [, name, ns = ""] = m;
    // A translator's calls run from its declaration to the next one of the same name (two
    // components of one file may both call theirs `t`).
    const next = decls.slice(i + 1).find((d) => d[1] === name);
    const body = s.slice(m.index, next?.index ?? s.length);
    const keys: string[] = [];
    const join = (k: string) => (ns ? `${ns}.${k}` : k);
    for (const c of body.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw|\\.has)?\\(\\s*(?:"([^"]+)"|\`([^\`$]*)\\$\\{)`, "g")))
      keys.push(c[1] !== undefined ? join(c[1]) : join(c[2]!));
    out.push({ file, namespace: ns, keys });
  }
  return out;
}

/** The app/ files whose rendering a scope covers: a folder's whole tree, or one file. */
export function scopeFiles(scope: string): string[] {
  const p = path.join(ROOT, "app", scope);
  if (fs.statSync(p).isFile()) return [p];
  return walk(p);
}

export function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

export const rel = (file: string) => path.relative(ROOT, file);
