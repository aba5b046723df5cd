import type { z } from "zod";

// Field errors arrive as the schema's English messages (from the server or from running the same
// schema in the browser). Forms, and lib/validation/local-errors.ts on the server, show them in the
// user's language by mapping each message to a key of partners.errors; anything unknown falls
// back to a generic "check this field".

const BY_MESSAGE: [RegExp, string][] = [
  [/^Required\.$|expected string, received undefined|Invalid option|expected .*received undefined/i, "required"],
  [/^Lower-case letters/, "slug"],
  [/already uses this email/, "emailTaken"],
  [/already exists|Already in use/, "slugTaken"],
  [/two-letter country code/, "country"],
  [/^Use 2008, 2019-11/, "partialDate"],
  [/^Use a date like/, "isoDate"],
  [/^Not a real date/, "notRealDate"],
  [/^Unknown time zone/, "timeZone"],
  [/email/i, "email"],
  [/Choose the partner this person/, "choosePartner"],
  [/People on our side belong to no partner/, "homeNoPartner"],
  [/^Unknown partner/, "unknownPartner"],
  [/^At least 12 characters/, "passwordLength"],
  [/^Too easy to guess/, "passwordWeak"],
  [/^The two new passwords differ/, "passwordsDiffer"],
  [/Too big: expected string|^At most \d+ characters/, "tooLong"],
  [/Too small: expected string/, "tooShort"],
  [/Too (big|small): expected number/, "outOfRange"],
  [/expected number|expected int/, "number"],
];

export function errorKey(message: string): string {
  return BY_MESSAGE.find(([re]) => re.test(message))?.[1] ?? "invalid";
}

export type FieldErrors = Record<string, string[]>;

/** Translates each field's messages; `t` is useTranslations("partners.errors"). */
export function translateFieldErrors(fields: FieldErrors | undefined, t: (key: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, msgs] of Object.entries(fields ?? {})) out[k] = [...new Set(msgs.map((m) => t(errorKey(m))))];
  return out;
}

/** Runs a shared schema in the browser: the same rules the server applies, before the round trip. */
export function clientFieldErrors(schema: z.ZodType, input: unknown): FieldErrors | null {
  const r = schema.safeParse(input);
  if (r.success) return null;
  const out: FieldErrors = {};
  for (const issue of r.error.issues) (out[issue.path.length ? issue.path.join(".") : "_"] ??= []).push(issue.message);
  return out;
}
