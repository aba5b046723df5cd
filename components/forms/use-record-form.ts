"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { CommandResult } from "@/lib/types/command";
import { formValues, useCommandForm } from "@/components/forms/use-command-form";
import { useErrorMessage } from "@/components/forms/use-error-message";

/**
 * The kit for an uncontrolled form of a record (partner, person, milestone): its values are the
 * FormData of its fields, dirty from the first change. A thin layer over `useCommandForm`.
 */
export function useRecordForm<T>(opts: {
  schema: z.ZodType;
  save: (values: Record<string, unknown>) => Promise<CommandResult<T>>;
  onSaved: (data: T) => void;
  /** Adjusts FormData's strings before checking, e.g. drops a hidden empty field. */
  prepare?: (values: Record<string, unknown>) => Record<string, unknown>;
}) {
  const te = useTranslations("partners.errors");
  const message = useErrorMessage();
  const [dirty, setDirty] = useState(false);
  const form = useCommandForm({
    command: opts.save,
    schema: opts.schema,
    message,
    guard: { dirty, message: te("unsaved") },
    onSaved: (data) => {
      setDirty(false);
      opts.onSaved(data);
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = formValues(e.currentTarget);
    form.submit(opts.prepare ? opts.prepare(raw) : raw);
  }

  return {
    errors: form.errors,
    formError: form.formError,
    pending: form.pending,
    dirty,
    formProps: { ref: form.attach, onSubmit, onChange: () => setDirty(true), noValidate: true },
  };
}
