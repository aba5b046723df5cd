"use client";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { CommandError, CommandResult } from "@/lib/types/command";
import { clientFieldErrors, type FieldErrors } from "@/lib/validation/error-keys";
import { useFieldErrorText } from "@/components/forms/use-field-errors";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";

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
 * A form's life: collect the fields, check them with the shared schema in the browser, save with
 * the server action (which checks again), show errors next to their fields, warn before leaving
 * unsaved changes.
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
  const translate = useFieldErrorText();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, start] = useTransition();
  useUnsavedChanges(dirty && !pending, te("unsaved"));

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, unknown>;
    const values = opts.prepare ? opts.prepare(raw) : raw;
    const local = clientFieldErrors(opts.schema, values);
    if (local) {
      setErrors(translate(local));
      setFormError(te("fixFields"));
      focusFirstError(e.currentTarget);
      return;
    }
    const form = e.currentTarget;
    start(async () => {
      const r = await opts.save(values);
      if (r.ok) {
        setErrors({});
        setFormError(null);
        setDirty(false);
        opts.onSaved(r.data);
      } else {
        setErrors(translate(r.error.fields));
        setFormError(message(r.error));
        focusFirstError(form);
      }
    });
  }

  return {
    errors,
    formError,
    pending,
    dirty,
    formProps: { onSubmit, onChange: () => setDirty(true), noValidate: true },
  };
}

function focusFirstError(form: HTMLFormElement) {
  requestAnimationFrame(() => {
    const el = form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('[role="alert"]');
    el?.focus();
  });
}
