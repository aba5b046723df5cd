import type { z } from "zod";
import { readMessageKey, type MessageValues } from "./message-key";

export type FieldErrors = Record<string, string[]>;
/**
 * next-intl's translator for the validation namespace (MESSAGE_NAMESPACE): useTranslations("validation")
 * in the browser, getTranslations / createTranslator with that namespace on the server.
 */
export type Translate = (key: string, values?: MessageValues) => string;

/** The key (inside the validation namespace) a field error stands for, with its values; text that is no key reads as "invalid". */
export function keyOf(message: string): { key: string; values?: MessageValues } {
  return readMessageKey(message) ?? { key: "invalid" };
}

/** One field error in the translator's language. */
export function translateMessage(message: string, t: Translate): string {
  const { key, values } = keyOf(message);
  return t(key, values);
}

/** Every field's errors in the translator's language, each sentence once. */
export function translateFieldErrors(fields: FieldErrors | undefined, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, msgs] of Object.entries(fields ?? {})) out[path] = [...new Set(msgs.map((m) => translateMessage(m, t)))];
  return out;
}

/** A zod error's issues as message keys per field path ("_" for the whole input). */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Runs a shared schema in the browser: the same rules the server applies, before the round trip. */
export function clientFieldErrors(schema: z.ZodType, input: unknown): FieldErrors | null {
  const r = schema.safeParse(input);
  return r.success ? null : fieldErrors(r.error);
}
