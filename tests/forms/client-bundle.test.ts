import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The password-strength check (zxcvbn and its dictionaries) is large and stays on the server: the
// meter asks the `passwordStrength` command instead. This walks every "use client" module and the
// local modules it imports, directly or through others, and fails when one of them pulls the
// checker in. Type-only imports are erased by the compiler, so they do not count, and a "use server"
// module reaches the browser only as references to its actions, so the walk stops there.
// zod and the shared schemas (about 31 KiB gzipped) may reach the browser, but only through a
// dynamic import (components/forms/lazy-schema.ts): a page's first load carries none of them.
const ROOT = resolve(__dirname, "../..");
const SCANNED = ["app", "components", "lib", "i18n", "server"];
const FORBIDDEN = [/^@\/lib\/password-strength$/, /^@zxcvbn-ts\//, /^@\/lib\/validation\/users$/];
const NOT_AT_FIRST_LOAD = [/^zod(\/|$)/];
const EXTENSIONS = [".ts", ".tsx", "/index.ts", "/index.tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The specifiers a module loads at run time (static, re-exported and, unless `staticOnly`, dynamic imports). */
function importsOf(source: string, staticOnly = false): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/gm;
  for (const m of source.matchAll(statement)) if (!m[2]) found.push(m[3]!);
  for (const m of source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) found.push(m[1]!);
  if (!staticOnly) for (const m of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

/** The file a local specifier points at, or null for a package. */
function localFile(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  if (/\.tsx?$/.test(base) && existsSync(base)) return base;
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** The import chain from `file` to a forbidden module, or null when there is none. */
function forbiddenChain(file: string, seen: Set<string>, forbidden = FORBIDDEN, staticOnly = false): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  if (/^\s*["']use server["']/.test(source)) return null;
  for (const spec of importsOf(source, staticOnly)) {
    if (forbidden.some((re) => re.test(spec))) return [rel(file), spec];
    const next = localFile(file, spec);
    const chain = next ? forbiddenChain(next, seen, forbidden, staticOnly) : null;
    if (chain) return [rel(file), ...chain];
  }
  return null;
}

const rel = (file: string) => relative(ROOT, file);

describe("the browser bundle", () => {
  const clientModules = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d))).filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")));

  it("finds the client modules it checks", () => {
    expect(clientModules.map(rel)).toContain("components/forms/password-field.tsx");
  });

  it("never loads the password-strength checker or the users schema in a client module", () => {
    const chains = clientModules.map((f) => forbiddenChain(f, new Set())).filter((c) => c !== null);
    expect(chains.map((c) => c.join(" → "))).toEqual([]);
  });

  it("loads zod in a client module only through a dynamic import (a lazy schema)", () => {
    const chains = clientModules.map((f) => forbiddenChain(f, new Set(), NOT_AT_FIRST_LOAD, true)).filter((c) => c !== null);
    expect(chains.map((c) => c.join(" → "))).toEqual([]);
  });

  it("catches a chain through local imports", () => {
    expect(importsOf('import { a } from "@/lib/password-strength";')).toEqual(["@/lib/password-strength"]);
    expect(importsOf('import type { A } from "@/lib/validation/users";')).toEqual([]);
    expect(importsOf('const m = await import("@zxcvbn-ts/core");')).toEqual(["@zxcvbn-ts/core"]);
    expect(importsOf('const m = await import("@/lib/validation/people");', true)).toEqual([]);
  });
});
