"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { LazySchema } from "@/components/forms/lazy-schema";
import type { CommandError, CommandResult } from "@/lib/types/command";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";

/** The form-level message for a failed save, in the user's language. */
export function useErrorMessage() {
  const t = useTranslations("partners.errors");
  return (e: CommandError): string => {
    if (e.code === "conflict") {
      const who = e.details?.changedBy;
      return typeof who === "string" ? t("conflictBy", { who }) : t("conflict");
    }
    if (e.code === "referenced") return t("referenced");
    if (e.code === "validation_failed") return t("fixFields");
    if (e.code === "forbidden" || e.code === "unauthorized") return t("forbidden");
    if (e.code === "not_found") return t("notFound");
    return t("failed");
  };
}

/**
 * The kit for an uncontrolled form (a partner, a person, a milestone, a setting): its values are
 * the FormData of its fields, dirty from the first change. A thin layer over `useCommandForm`,
 * which checks, saves, shows the errors and guards unsaved changes.
 */
export function useRecordForm<T>(opts: {
  /** The shared schema the browser checks with first; a form of buttons only needs none. */
  schema?: z.ZodType | LazySchema;
  save: (values: Record<string, unknown>) => Promise<CommandResult<T>>;
  onSaved?: (data: T) => void;
  /** Adjusts FormData's strings before checking, e.g. drops a hidden empty field. */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
  /**
   * For a form whose command words its refusals itself, in the reader's language: a refusal
   * shows the command's message, and the browser's check `fixFields`, instead of the generic words.
   */
  ownWords?: { fixFields: string };
  /** Empties the form after a save ("saved"), or also after a refusal ("always": a setting shows what is stored). */
  reset?: "saved" | "always";
}) {
  const te = useTranslations("partners.errors");
  const generic = useErrorMessage();
  const [dirty, setDirty] = useState(false);
  /** The last save's answer, until the next submit: what a form confirms. */
  const [saved, setSaved] = useState<{ data: T } | null>(null);
  const form = useCommandForm({
    command: opts.save,
    schema: opts.schema,
    message: opts.ownWords ? (e) => e.message : generic,
    localMessage: opts.ownWords?.fixFields,
    guard: { dirty, message: te("unsaved") },
    reset: opts.reset,
    onSaved: (data) => {
      setDirty(false);
      setSaved({ data });
      opts.onSaved?.(data);
    },
    // A setting drawn again from what is stored is no longer dirty.
    onFailure: () => {
      if (opts.reset === "always") setDirty(false);
    },
    read: (el) => {
      setSaved(null);
      const raw = formValues(el);
      return opts.prepare ? opts.prepare(raw) : raw;
    },
  });

  return {
    errors: form.errors,
    formError: form.formError,
    saved,
    pending: form.pending,
    dirty,
    formProps: { ...form.formProps, onChange: () => setDirty(true) },
  };
}
