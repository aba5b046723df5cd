// The words an import recognises, in both languages at once: a Korean file can be imported from
// the English screen. Built once per process from the message files.
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/request";
import { LOCALES, type Locale } from "@/lib/format";
import { headerIndex, IMPORT_KINDS, type ImportKind, type Translate } from "./columns";
import { normalLabel } from "./values";

export function translatorFor(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: loadMessages(locale) as never }) as unknown as (k: string) => string;
  return (k) => t(k);
}

let cached: { headers: Map<ImportKind, Map<string, string>>; enums: Map<string, Map<string, string>>; all: Set<string> } | null = null;

function build() {
  const ts = LOCALES.map(translatorFor);
  const headers = new Map(IMPORT_KINDS.map((k) => [k, headerIndex(k, ts)] as const));
  const enums = new Map<string, Map<string, string>>();
  for (const locale of LOCALES) {
    const groups = (loadMessages(locale).enums ?? {}) as Record<string, Record<string, string>>;
    for (const [group, values] of Object.entries(groups)) {
      const m = enums.get(group) ?? new Map<string, string>();
      for (const [code, label] of Object.entries(values)) {
        m.set(normalLabel(code), code);
        m.set(normalLabel(code.replaceAll("_", " ")), code);
        m.set(normalLabel(label), code);
      }
      enums.set(group, m);
    }
  }
  const all = new Set([...headers.values()].flatMap((m) => [...m.keys()]));
  return { headers, enums, all };
}

function labels() {
  return (cached ??= build());
}

/** Header text → column key for a kind. */
export function columnOf(kind: ImportKind, header: string): string | undefined {
  return labels().headers.get(kind)!.get(normalLabel(header));
}

/** Every header any import knows, normalised (helps tell code pages apart). */
export function knownHeaders(): Set<string> {
  return labels().all;
}

/** A code or its label in English or Korean → the code. */
export function enumCode(group: string, text: string): string | undefined {
  return labels().enums.get(group)?.get(normalLabel(text));
}
