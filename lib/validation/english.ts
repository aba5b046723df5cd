import { createTranslator } from "next-intl";
import en from "@/messages/en/validation.json";
import { translateMessage, type FieldErrors, type Translate } from "./error-keys";
import { MESSAGE_NAMESPACE, readMessageKey } from "./message-key";

let english: Translate | undefined;

/** A field error in English: the language of the JSON API and the command line. Text that is no message key stays as it is. */
export function englishMessage(message: string): string {
  if (!readMessageKey(message)) return message;
  english ??= createTranslator({ locale: "en", messages: en, namespace: MESSAGE_NAMESPACE }) as unknown as Translate;
  return translateMessage(message, english);
}

/** Every field's errors in English, each sentence once. */
export function englishFieldErrors(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, msgs] of Object.entries(fields)) out[path] = [...new Set(msgs.map(englishMessage))];
  return out;
}
