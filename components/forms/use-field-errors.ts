"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { translateFieldErrors, translateMessage, type FieldErrors, type Translate } from "@/lib/validation/error-keys";

// Every field error is a key of the "validation" namespace (MESSAGE_NAMESPACE, lib/validation/message-key.ts),
// and reading it gives the key inside that namespace. The translator is made for the namespace by
// name, so the pages' namespace table (and its test, tests/i18n/client-messages.test.ts) knows a
// form needs it in the browser.
function useValidationTranslator(): Translate {
  const tv = useTranslations("validation");
  return tv;
}

/** Field errors (message keys, from the schema in the browser or an action's answer) in the reader's language. */
export function useFieldErrorText() {
  const t = useValidationTranslator();
  return useCallback((fields: FieldErrors | undefined) => translateFieldErrors(fields, t), [t]);
}

/** One error message (a message key) in the reader's language. */
export function useErrorText() {
  const t = useValidationTranslator();
  return useCallback((message: string) => translateMessage(message, t), [t]);
}
