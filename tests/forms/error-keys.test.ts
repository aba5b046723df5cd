import fc from "fast-check";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { keyOf, translateFieldErrors, type Translate } from "@/lib/validation/error-keys";
import { englishFieldErrors } from "@/lib/validation/english";
import { MESSAGE_NAMESPACE, messageKey, readMessageKey } from "@/lib/validation/message-key";
import { createMeetingSchema } from "@/lib/validation/meetings";
import en from "@/messages/en/validation.json";
import ko from "@/messages/ko/validation.json";

// Every schema any form, action, API route or import parses with.
const modules = import.meta.glob<Record<string, unknown>>("../../lib/validation/**/*.ts", { eager: true });
const schemas = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${file.replace(/^.*\//, "")} ${name}`, schema })),
);

const words = { en: en.validation as Record<string, string>, ko: ko.validation as Record<string, string> };
// A translator that throws on a missing key or a value the words need and were not given.
const strict = (locale: "en" | "ko") =>
  createTranslator({
    locale,
    messages: { validation: words[locale] },
    namespace: MESSAGE_NAMESPACE,
    onError: (e) => {
      throw e;
    },
  }) as unknown as Translate;

// What a hostile or careless caller sends in a field: nothing, blanks, wrong types, too much.
const leaf = fc.oneof(
  fc.constantFrom(undefined, null, "", " ", "x", "abc", "0", "-1", "1e3", "2019-13-45", "2019-02-30", "25:00", "Mars/Olympus", "zz", true, -1, 0, 1.5, 1e13),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constant("x".repeat(25_000)),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);

/** Inputs shaped like the schema (its objects' keys, its arrays), with bad values at the leaves. */
function arb(schema: z.core.$ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Record<string, z.core.$ZodType> & { type: string; shape?: Record<string, z.core.$ZodType> };
  if (depth > 4) return leaf;
  switch (def.type) {
    case "object":
      return fc.oneof(
        { weight: 4, arbitrary: fc.record(Object.fromEntries(Object.entries(def.shape!).map(([k, s]) => [k, arb(s, depth + 1)])), { requiredKeys: [] }) },
        leaf,
      );
    case "array":
      return fc.oneof({ weight: 3, arbitrary: fc.array(arb(def.element!, depth + 1), { maxLength: 3 }) }, leaf);
    case "pipe":
      // A preprocess step (a transform) says nothing of the shape: the schema after it does.
      return arb(def.in!._zod.def.type === "transform" ? def.out! : def.in!, depth);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
      return arb(def.innerType!, depth);
    case "union":
      return fc.oneof(...(def.options as unknown as z.core.$ZodType[]).map((o) => arb(o, depth)));
    default:
      return leaf;
  }
}

describe("[FORMS] zod issues carry message keys", () => {
  it("finds the schemas of lib/validation", () => {
    expect(schemas.length).toBeGreaterThan(30);
    expect(schemas.map((s) => s.name)).toEqual(expect.arrayContaining(["meetings.ts createMeetingSchema", "visits.ts createVisitSchema", "users.ts createUserSchema"]));
  });

  it.each(schemas)("$name: every issue of bad input is a key both languages have words for", ({ schema }) => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(arb(schema), fc.anything()), (input) => {
        const r = schema.safeParse(input);
        if (r.success) return;
        for (const issue of r.error.issues) {
          const k = readMessageKey(issue.message);
          expect(k, `${issue.path.join(".")}: "${issue.message}" is not a message key`).not.toBeNull();
          expect(words.en[k!.key], `${k!.key} has no English words`).toBeTypeOf("string");
          expect(words.ko[k!.key], `${k!.key} has no Korean words`).toBeTypeOf("string");
          if (seen.has(issue.message)) continue;
          seen.add(issue.message);
          // Its values are the ones the words take.
          for (const locale of ["en", "ko"] as const) expect(strict(locale)(k!.key, k!.values)).not.toMatch(/validation\.|\{/);
        }
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it("English and Korean have the same keys", () => {
    expect(Object.keys(words.ko).sort()).toEqual(Object.keys(words.en).sort());
  });
});

describe("[FORMS] one translator for browser and server", () => {
  const payload = { partnerId: "", title: " ", kind: "meeting", status: "held", date: "2019-11-27", time: "", timeZone: "Asia/Shanghai", attendeeCount: "-1" };
  const fields = () => {
    const r = createMeetingSchema.safeParse(payload);
    const out: Record<string, string[]> = {};
    for (const i of r.error!.issues) (out[i.path.join(".")] ??= []).push(i.message);
    return out;
  };

  it("puts a form's errors in the reader's language, values and all", () => {
    expect(translateFieldErrors(fields(), strict("en"))).toEqual({
      partnerId: ["Choose a partner."],
      title: ["Enter a title."],
      attendeeCount: ["Enter zero or more."],
    });
    expect(translateFieldErrors(fields(), strict("ko"))).toMatchObject({ partnerId: ["파트너를 고르세요."], title: ["제목을 입력하세요."], attendeeCount: ["0 이상을 입력하세요."] });
    const long = createMeetingSchema.safeParse({ ...payload, venue: "x".repeat(301) });
    const venue = long.error!.issues.find((i) => i.path[0] === "venue")!.message;
    expect(translateFieldErrors({ venue: [venue] }, strict("ko"))).toEqual({ venue: ["너무 깁니다. 300자 이하로 입력하세요."] });
  });

  it("reads a message key as the key inside the namespace, and any other text as the generic words", () => {
    expect(keyOf(messageKey("unknownPartner")).key).toBe("unknownPartner");
    expect(keyOf(messageKey("tooLong", { max: 3 }))).toEqual({ key: "tooLong", values: { max: 3 } });
    expect(keyOf("Unknown partner.").key).toBe("invalid");
    expect(keyOf("Something nobody wrote down.").key).toBe("invalid");
    expect(translateFieldErrors({ slug: [messageKey("slugTaken")] }, strict("ko"))).toEqual({ slug: ["다른 교류 지역이 이미 쓰고 있습니다."] });
  });

  it("answers the API in English, keeping the data layer's own sentences as they are", () => {
    expect(englishFieldErrors({ ...fields(), file: ["The file has no rows."] })).toMatchObject({
      partnerId: ["Choose a partner."],
      attendeeCount: ["Enter zero or more."],
      file: ["The file has no rows."],
    });
  });
});
