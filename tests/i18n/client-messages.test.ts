// Each page sends only some message namespaces to the browser (i18n/client-namespaces.ts). A
// client component that asks for a namespace its part of the app does not send would show raw
// keys, so this reads the import graph from app/ and fails on any such use, and on any key a
// client component calls that either language lacks.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/i18n/request";
import { precompileMessages } from "@/i18n/precompile";
import { pickMessages, ROUTE_NAMESPACES, SHELL_NAMESPACES, type ClientScope } from "@/i18n/client-namespaces";
import { clientModules, rel, scopeFiles, translationUses, walk, type Use } from "../helpers/client-graph";

const scopes = Object.keys(ROUTE_NAMESPACES) as ClientScope[];
const scoped = new Set(scopes.flatMap(scopeFiles));
const shellFiles = walk(path.resolve("app")).filter((f) => !scoped.has(f));

function usesOf(files: string[]): Use[] {
  return [...clientModules(files)].flatMap(translationUses);
}

/** What a translator needs sent: its whole namespace (it may pass itself on), or each key of a root translator. */
const needs = (u: Use) => (u.namespace ? [u.namespace] : u.keys);

/** A name is sent when it, or a group above it, is: "visits.status" covers "visits.status.idea", not "visits". */
function missingNamespaces(files: string[], given: readonly string[]): string[] {
  const sent = (n: string) => given.some((g) => n === g || n.startsWith(`${g}.`));
  return usesOf(files).flatMap((u) => needs(u).filter((n) => !sent(n)).map((n) => `${rel(u.file)} uses "${n}"`));
}

function lookup(messages: Record<string, unknown>, key: string): unknown {
  return key.split(".").filter(Boolean).reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), messages);
}

describe("[I18N] messages sent to the browser", () => {
  it("the shell's client components use only the shell's namespaces", () => {
    expect(missingNamespaces(shellFiles, SHELL_NAMESPACES)).toEqual([]);
  });

  it.each(scopes)("%s: its client components use only the namespaces its layout sends", (scope) => {
    expect(missingNamespaces(scopeFiles(scope), [...SHELL_NAMESPACES, ...ROUTE_NAMESPACES[scope]])).toEqual([]);
    const layout = path.join("app", scope, "layout.tsx");
    expect(fs.existsSync(layout) && fs.readFileSync(layout, "utf8")).toContain(`<ClientMessages scope="${scope}">`);
  });

  it("every key a client component calls exists in English and in Korean", () => {
    const all = usesOf(walk(path.resolve("app")));
    expect(all.length).toBeGreaterThan(50);
    for (const locale of ["en", "ko"] as const) {
      const messages = loadMessages(locale);
      const missing = all.flatMap((u) => [
        ...(u.namespace && typeof lookup(messages, u.namespace) !== "object" ? [`${rel(u.file)}: namespace ${u.namespace}`] : []),
        // A key ending in "." is a template literal's static part: its group must exist.
        ...u.keys.filter((k) => (k.endsWith(".") ? typeof lookup(messages, k) !== "object" : typeof lookup(messages, k) !== "string")).map((k) => `${rel(u.file)}: ${k}`),
      ]);
      expect(missing, locale).toEqual([]);
    }
  });

  it("a page's provider holds the shell's and its scope's namespaces and nothing else", () => {
    const messages = loadMessages("ko");
    expect(Object.keys(pickMessages(messages)).sort()).toEqual([...SHELL_NAMESPACES].sort());
    expect(Object.keys(pickMessages(messages, "(app)/board")).sort()).toEqual(["board", "common", "enums", "nav", "notifications", "search", "validation"]);
    expect(JSON.stringify(pickMessages(messages, "(app)/board")).length).toBeLessThan(JSON.stringify(messages).length / 2);
    // A dotted name sends its group only.
    const timeline = pickMessages(messages, "(app)/timeline");
    expect(timeline.visits).toEqual({ status: (messages.visits as Record<string, unknown>).status });
  });
});

describe("[I18N] precompiled messages", () => {
  /** Every message as [key, text]. */
  function leaves(node: unknown, key = ""): [string, string][] {
    if (typeof node === "string") return [[key, node]];
    return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, key ? `${key}.${k}` : k));
  }

  it.each(["en", "ko"] as const)("%s: every message compiles for the browser, and plain text reads as the server formats it", (locale) => {
    const messages = loadMessages(locale);
    // Every namespace, as any scope could send it; a message icu-minify cannot parse fails here
    // with its key rather than as a broken page.
    const compiled = precompileMessages({}, "all", messages);
    const server = createTranslator({ locale, messages });
    const plain = leaves(messages).filter(([, text]) => !text.includes("{"));
    expect(plain.length).toBeGreaterThan(500);
    const differ = plain.flatMap(([key]) => {
      const c = lookup(compiled, key);
      const browser = Array.isArray(c) ? c.join("") : c;
      const expected = server(key as never);
      return browser === expected ? [] : [`${key}: ${JSON.stringify(browser)} ≠ ${JSON.stringify(expected)}`];
    });
    expect(differ).toEqual([]);
  });

  it("a message the browser's compiler refuses names its key", () => {
    expect(() => precompileMessages({}, "x", { admin: { howTo: "Bearer <token> to /api/v1" } })).toThrow(/"admin\.howTo"/);
  });
});
