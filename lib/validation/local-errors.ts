import "server-only";
import { getTranslations } from "next-intl/server";
import { translateFieldErrors, type FieldErrors, type Translate } from "./error-keys";
import { MESSAGE_NAMESPACE } from "./message-key";

/** A server action's field errors in the viewer's language, for forms that show the answer as it is. */
export async function localFieldErrors(fields: FieldErrors | undefined): Promise<FieldErrors | undefined> {
  if (!fields) return undefined;
  const t = (await getTranslations(MESSAGE_NAMESPACE)) as unknown as Translate;
  return translateFieldErrors(fields, t);
}
