import "server-only";
import { createTranslator } from "next-intl";
import { getTranslations } from "next-intl/server";
import { loadMessages } from "@/i18n/request";
import { translateFieldErrors, translateMessage, type FieldErrors, type Translate } from "./error-keys";
import { readMessageKey } from "./message-key";

/** A server action's field errors in the viewer's language, for forms that show the answer as it is. */
export async function localFieldErrors(fields: FieldErrors | undefined): Promise<FieldErrors | undefined> {
  if (!fields) return undefined;
  const t = (await getTranslations()) as unknown as Translate;
  return translateFieldErrors(fields, t);
}

let english: Translate | undefined;

/**
 * Field errors in English: the language of the JSON API and the command line. Text that is no
 * message key (the data layer's own sentences) is English already and stays as it is.
 */
export function englishFieldErrors(fields: FieldErrors): FieldErrors {
  const t = (english ??= createTranslator({ locale: "en", messages: loadMessages("en") as never }) as unknown as Translate);
  const out: FieldErrors = {};
  for (const [path, msgs] of Object.entries(fields)) out[path] = [...new Set(msgs.map((m) => (readMessageKey(m) ? translateMessage(m, t) : m)))];
  return out;
}
