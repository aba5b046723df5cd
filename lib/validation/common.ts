import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { isValidTimeZone, parseIsoDate } from "@/lib/format";
import { DATE_PRECISIONS } from "@/lib/domain";
import { fieldErrors } from "./error-keys";
import { messageKey, type MessageKey } from "./message-key";

export { messageKey, type MessageKey } from "./message-key";

// Every issue's message is a key of messages/<locale>/validation.json (with its values), never
// English text: lib/validation/error-keys.ts turns keys into the reader's language, in the browser
// and on the server alike. A schema names its own key where it knows better ("Enter a title.");
// otherwise this map names one by the issue's kind.
function issueKey(iss: z.core.$ZodRawIssue): string {
  const n = (x: unknown) => (typeof x === "bigint" ? Number(x) : (x as number));
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined || iss.input === null) return messageKey("required");
      if (iss.expected === "int") return messageKey("wholeNumber");
      return iss.expected === "number" ? messageKey("number") : messageKey("invalid");
    case "too_small":
      if (iss.origin === "string") return n(iss.minimum) <= 1 ? messageKey("required") : messageKey("tooShort", { min: n(iss.minimum) });
      if (iss.origin === "array" || iss.origin === "set") return n(iss.minimum) <= 1 ? messageKey("required") : messageKey("tooFew", { min: n(iss.minimum) });
      if (iss.origin === "number" || iss.origin === "bigint") return messageKey("tooSmallNumber", { min: n(iss.minimum), inclusive: String(iss.inclusive !== false) });
      return messageKey("invalid");
    case "too_big":
      if (iss.origin === "string") return messageKey("tooLong", { max: n(iss.maximum) });
      if (iss.origin === "array" || iss.origin === "set") return messageKey("tooMany", { max: n(iss.maximum) });
      if (iss.origin === "number" || iss.origin === "bigint") return messageKey("tooBigNumber", { max: n(iss.maximum), inclusive: String(iss.inclusive !== false) });
      return messageKey("invalid");
    case "invalid_format":
      if (iss.format === "email") return messageKey("email");
      if (iss.format === "datetime") return messageKey("instant");
      return messageKey("invalid");
    case "invalid_value":
      return messageKey("chooseOption");
    case "not_multiple_of":
      return iss.divisor === 1 ? messageKey("wholeNumber") : messageKey("invalid");
    default:
      return messageKey("invalid");
  }
}
z.config({ customError: issueKey });

/** The option that gives a zod schema or check its own message key. */
export const keyed = (key: MessageKey, params?: Record<string, string | number>) => ({ error: messageKey(key, params) });

// Characters no field needs and that do harm when stored: NUL and the other C0 controls but tab
// and line breaks (they end strings in C code and break XML, so XLSX and ICS), the bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source" text that
// reads differently from what it is), and UTF-16 surrogates without their pair (not encodable as
// UTF-8). Stripped, not refused, so a pasted text or an imported file still saves.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without the characters above; every text field of forms, API and imports goes through it. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE_CHARS, "");
}

/** Empty strings from forms become undefined; everything else is cleaned and trimmed. */
export const optionalText = (max: number) =>
  z.preprocess((v) => {
    if (v === null) return undefined;
    if (typeof v !== "string") return v;
    const t = cleanText(v).trim();
    return t === "" ? undefined : t;
  }, z.string().max(max).optional());

/** `missing` says what to do when the field is empty (default "Required."). */
export const requiredText = (max: number, missing: MessageKey = "required") =>
  z.preprocess((v) => (typeof v === "string" ? cleanText(v).trim() : v), z.string(keyed(missing)).min(1, keyed(missing)).max(max));

/** What a form leaves empty and what the API returns as null both mean "not given". */
export const blankToUndefined = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema);

/** A date like 2019-11-27; `key` replaces every message (a form that says what to enter there). */
export const isoDateWith = (key?: MessageKey) =>
  z
    .string(key ? keyed(key) : undefined)
    .regex(/^\d{4}-\d{2}-\d{2}$/, keyed(key ?? "isoDate"))
    .refine((s) => parseIsoDate(s) !== null, keyed(key ?? "notRealDate"));
export const isoDate = isoDateWith();

export const optionalIsoDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDate.optional());

/** "2008", "2019-11" or "2019-11-27". */
export const partialIsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, keyed("partialDate"))
  .refine((s) => parseIsoDate(s) !== null, keyed("notRealDate"));

export const datePrecision = z.enum(DATE_PRECISIONS);

export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => isValidTimeZone(tz), keyed("timeZone"));

// Ids and versions are digits only: a JSON number, or a form's string of ASCII digits. Number()
// would also take "1e3" (1000), "0x1", " 1", "1.0" and true, which no client of ours sends.
const DIGITS = /^[0-9]{1,16}$/;
const digitsToNumber = (v: unknown) => (typeof v === "string" && DIGITS.test(v) ? Number(v) : v);
const positiveInt = (key?: MessageKey) => {
  const k = key ? keyed(key) : undefined;
  return z.number(k).int(k).positive(k).max(Number.MAX_SAFE_INTEGER, k);
};

/** A record id from a path, a query string or a form field, or null when it is not digits only. */
export function parseIdParam(raw: unknown): number | null {
  const r = id.safeParse(raw);
  return r.success ? r.data : null;
}

export const id = z.preprocess(digitsToNumber, positiveInt());
/** A required reference whose every failure says what to choose ("Choose a partner."). */
export const idWith = (key: MessageKey) => z.preprocess(digitsToNumber, positiveInt(key));
export const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional());
export const version = z.preprocess(digitsToNumber, positiveInt());

/** Optional non-negative number from a form field. */
export const optionalNumber = (opts: { int?: boolean; max?: number } = {}) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    (opts.int ? z.coerce.number().int() : z.coerce.number()).min(0).max(opts.max ?? 1e12).optional(),
  );

// fieldErrors lives in error-keys.ts, which loads no zod: the browser's form kit imports it.
export { fieldErrors };

/** Parses or throws a ValidationError with message keys per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrors(r.error));
  return r.data;
}

// The plain arguments of a server action (the record it acts on, a yes/no). Strict, not
// coerced: a browser sends a number and a boolean, and anything else is a forged call.
const argIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A record id passed to a server action, or a ValidationError. */
export function argId(v: unknown): number {
  return parseInput(argIdSchema, v);
}

/** A yes/no passed to a server action, or a ValidationError. */
export function argFlag(v: unknown): boolean {
  return parseInput(z.boolean(), v);
}
