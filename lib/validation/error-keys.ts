import type { z } from "zod";
import { fieldErrors } from "./common";
import { messageKey, readMessageKey, type MessageKey, type MessageValues } from "./message-key";

export type FieldErrors = Record<string, string[]>;
/** next-intl's translator over all namespaces: useTranslations() in the browser, getTranslations() on the server. */
export type Translate = (key: string, values?: MessageValues) => string;

// The data layer (db/queries) answers a few field errors as fixed English sentences, for the API
// and the CLI. Until it names keys itself, these exact sentences stand for their keys; no
// pattern matching, and any other text reads as "Check this field."
const DATA_LAYER_WORDS: Record<string, MessageKey> = {
  "Unknown partner.": "unknownPartner",
  "Unknown person.": "unknownPerson",
  "Unknown meeting.": "unknownMeeting",
  "Unknown user.": "unknownUser",
  "Unknown gift.": "unknownGift",
  "The meeting belongs to another partner.": "meetingOfOtherPartner",
  "Listed twice.": "listedTwice",
  "Already in use.": "slugTaken",
  "Another account already uses this email.": "emailTaken",
  "Invalid cursor.": "invalidCursor",
};

/** The message key a field error stands for, with its values. */
export function keyOf(message: string): { key: string; values?: MessageValues } {
  return readMessageKey(message) ?? readMessageKey(messageKey(DATA_LAYER_WORDS[message] ?? "invalid"))!;
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

/** Runs a shared schema in the browser: the same rules the server applies, before the round trip. */
export function clientFieldErrors(schema: z.ZodType, input: unknown): FieldErrors | null {
  const r = schema.safeParse(input);
  return r.success ? null : fieldErrors(r.error);
}

// db/queries/import.ts names its row problems `partners.errors.<name>`, and that namespace has
// the generic words only: a form's "say what to do here" key reads as its generic kind there.
const IMPORT_NAMES: Partial<Record<MessageKey, string>> = {
  required: "required", slug: "slug", slugTaken: "slugTaken", country: "country", partialDate: "partialDate", isoDate: "isoDate",
  notRealDate: "notRealDate", notRealDateTime: "notRealDate", timeZone: "timeZone", email: "email", homeNoPartner: "homeNoPartner",
  choosePartnerOfPerson: "choosePartner", unknownPartner: "unknownPartner", tooLong: "tooLong", tooShort: "tooShort", emailTaken: "emailTaken",
  number: "number", wholeNumber: "number", tooSmallNumber: "outOfRange", tooBigNumber: "outOfRange", passwordsDiffer: "passwordsDiffer",
  choosePartner: "required", enterTitle: "required", enterWhen: "required", enterName: "required", enterItem: "required", enterActionTitle: "required",
};

/** The name under partners.errors of a field error, for the import's row problems. */
export function errorKey(message: string): string {
  return IMPORT_NAMES[keyOf(message).key.slice("validation.".length) as MessageKey] ?? "invalid";
}
