// The data layer (db/) and the server glue (server/) refuse a field with a message key, never with
// English text: the forms translate it like a zod issue, and the API and CLI put it in English.
// This reads their source, so a new refusal written as a sentence fails here.
import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { englishFieldErrors } from "@/lib/validation/english";
import { translateMessage, type Translate } from "@/lib/validation/error-keys";
import { MESSAGE_NAMESPACE, messageKey } from "@/lib/validation/message-key";
import en from "@/messages/en/validation.json";
import ko from "@/messages/ko/validation.json";

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? (e.name === "migrations" ? [] : walk(p)) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const sources = ["db", "server"].flatMap((d) => walk(path.resolve(d))).map((file) => ({ file: path.relative(process.cwd(), file), text: fs.readFileSync(file, "utf8") }));
/** `messageKey("name"` and `invalid(path, "name")` (db/queries/visits.ts) with the key's name. */
const raised = sources.flatMap(({ file, text }) =>
  [...text.matchAll(/messageKey\(\s*"(\w+)"(\s*,\s*\{)?|\binvalid\([^,()]+,\s*"(\w+)"\)/g)].map((m) => ({ file, key: (m[1] ?? m[3])!, values: Boolean(m[2]) })),
);
// A one-sentence field error: ["Unknown partner."] or [`At most ${n} rows.`], as the data layer used to write them.
const SENTENCE = /\[\s*(["'`])[A-Z][^"'`\n]*\.\1\s*\]/g;

describe("[FORMS] the data layer's field errors are message keys", () => {
  it("finds the refusals of db/ and server/", () => {
    expect(raised.length).toBeGreaterThan(25);
    expect(raised.map((r) => r.key)).toEqual(expect.arrayContaining(["unknownPartner", "unknownPerson", "listedTwice", "slugTaken", "emailTaken", "invalidCursor", "noRows", "unknownPartners"]));
  });

  it("writes no field error as a sentence", () => {
    const hits = sources.flatMap(({ file, text }) => [...text.matchAll(SENTENCE)].map((m) => `${file}: ${m[0]}`));
    expect(hits).toEqual([]);
    expect('{ fields: { partnerId: ["Unknown partner."] } }'.match(SENTENCE)).toHaveLength(1);
  });

  it.each(["en", "ko"] as const)("every key it raises has words in %s, and the API's English is those words", (locale) => {
    const words = (locale === "en" ? en : ko).validation as Record<string, string>;
    const t = createTranslator({ locale, messages: { validation: words }, namespace: MESSAGE_NAMESPACE }) as unknown as Translate;
    for (const { file, key, values } of raised) {
      expect(words[key], `${file}: ${key}`).toBeTypeOf("string");
      if (values) continue;
      const text = translateMessage(messageKey(key as never), t);
      expect(text, `${file}: ${key}`).not.toMatch(/validation\.|\{/);
      if (locale === "en") expect(englishFieldErrors({ f: [messageKey(key as never)] })).toEqual({ f: [text] });
    }
  });
});
