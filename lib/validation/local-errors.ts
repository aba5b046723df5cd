import "server-only";
import { getTranslations } from "next-intl/server";
import { translateFieldErrors, type FieldErrors } from "./error-keys";

/**
 * A server action's field errors in the viewer's language: the schemas and queries speak English
 * (to the API and the CLI), forms that render the action's answer as-is get it translated here.
 */
export async function localFieldErrors(fields: FieldErrors | undefined): Promise<FieldErrors | undefined> {
  if (!fields) return undefined;
  const t = await getTranslations("partners.errors");
  return translateFieldErrors(fields, (key) => t(key));
}
