"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { translateFieldErrors, translateMessage, type FieldErrors, type Translate } from "@/lib/validation/error-keys";

/** Field errors (message keys, from the schema in the browser or an action's answer) in the reader's language. */
export function useFieldErrorText() {
  const t = useTranslations() as unknown as Translate;
  return useCallback((fields: FieldErrors | undefined) => translateFieldErrors(fields, t), [t]);
}

/** One error message (a key, or the data layer's English) in the reader's language. */
export function useErrorText() {
  const t = useTranslations() as unknown as Translate;
  return useCallback((message: string) => translateMessage(message, t), [t]);
}
