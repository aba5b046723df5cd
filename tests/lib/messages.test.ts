import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/request";

function keys(o: unknown, prefix = ""): string[] {
  if (typeof o !== "object" || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("[I18N] message catalogs", () => {
  it("English and Korean have exactly the same keys", () => {
    const en = keys(loadMessages("en")).sort();
    const ko = keys(loadMessages("ko")).sort();
    expect(ko.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !ko.includes(k))).toEqual([]);
  });
  it("no Korean message is left empty", () => {
    const ko = loadMessages("ko");
    const empty = keys(ko).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], ko) === "");
    expect(empty).toEqual([]);
  });
});
