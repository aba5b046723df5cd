"use client";
import { useEffect, useState, type FormEvent } from "react";
import type { z } from "zod";
import type { CommandError, CommandResult } from "@/lib/types/command";
import { clientFieldErrors } from "@/lib/validation/error-keys";
import type { LazySchema } from "./lazy-schema";
import { cleanForm, errorsAt, localFailure, stateAfter, type FormState, type FormWording } from "./command-state";
import { useCommand } from "./use-command";
import { useFieldErrorText } from "./use-field-errors";
import { useUnsavedChanges } from "./use-unsaved-changes";

/**
 * The form kit's core: one way for every form, whether its values come from FormData or from
 * state. It checks the input with the shared schema in the browser (the server checks again), runs
 * the command, shows field errors in the reader's language and one form-level message, moves the
 * focus to the first error, lets a form show a conflict itself, and warns before leaving unsaved
 * changes. The words come from the form (`message`, `guard.message`): the kit is used on pages
 * that send different namespaces.
 */
export function useCommandForm<I, T>(opts: {
  command: (input: I) => Promise<CommandResult<T>>;
  /**
   * The schema the server parses with, so the browser refuses exactly what the server would; a
   * `lazySchema` loads with the form's first focus (or its first submit), not with the page.
   */
  schema?: z.ZodType | LazySchema;
  onSaved?: (data: T, input: I) => void | Promise<void>;
  /**
   * Where the browser goes after a save (e.g. sign-in, a forced password change), or nothing to
   * stay. A full load, so the next page is rendered with the session the command just set.
   */
  redirect?: (data: T, input: I) => string | null | undefined;
  /** The form-level message for a failure (a browser check fails as `validation_failed`). */
  message: (error: CommandError) => string;
  /** The form-level message when the browser's check fails, if not `message`'s. */
  localMessage?: string;
  /** A conflict (or other failure) the form shows itself: return true and the kit shows nothing. */
  onFailure?: (error: CommandError, input: I) => boolean | void;
  /** A command's field path to the form's own. */
  path?: (path: string) => string;
  /** What takes the focus after a failure; by default the form's first invalid field. */
  focus?: () => HTMLElement | null | undefined;
  /** Unsaved changes: warns while dirty and not saving. */
  guard?: { dirty: boolean; message: string };
  /**
   * For `formProps`: the command's input from the submitted form; by default its FormData
   * (`formValues`). Also the place to clear what the last answer showed.
   */
  read?: (form: HTMLFormElement) => I;
  /**
   * Empties the form (its fields' defaults again) after a save ("saved"), after a refusal
   * ("failed": a code is typed afresh) or after both ("always": a setting shows what is stored).
   */
  reset?: "saved" | "failed" | "always";
}) {
  const fields = useFieldErrorText();
  const [state, setState] = useState<FormState>(cleanForm);
  // The form element, for the focus (set by the callback ref `attach`).
  const [formEl, attach] = useState<HTMLFormElement | null>(null);
  const wording: FormWording = { fields, message: opts.message, path: opts.path };

  const show = (next: FormState) => {
    setState(next);
    if (next.formError) requestAnimationFrame(() => (opts.focus?.() ?? firstError(formEl))?.focus());
  };
  const cmd = useCommand(opts.command, {
    onSuccess: async (data, input) => {
      setState(cleanForm);
      if (opts.reset === "saved" || opts.reset === "always") formEl?.reset();
      await opts.onSaved?.(data, input);
      const to = opts.redirect?.(data, input);
      if (to) window.location.assign(to);
    },
    onFailure: (error, input) => {
      if (opts.reset === "failed" || opts.reset === "always") formEl?.reset();
      if (opts.onFailure?.(error, input) === true) return setState(cleanForm);
      show(stateAfter({ ok: false, error }, wording));
    },
  });
  useUnsavedChanges(!!opts.guard?.dirty && !cmd.pending, opts.guard?.message ?? "");

  // A lazy schema starts loading when the form is first focused, so it is there by the submit.
  const schema = opts.schema;
  useEffect(() => {
    if (!formEl || !schema || !isLazy(schema)) return;
    const warm = () => void schema.load().catch(() => undefined);
    formEl.addEventListener("focusin", warm, { once: true });
    return () => formEl.removeEventListener("focusin", warm);
  }, [formEl, schema]);
  // A form that gives no element (its own focus rules) warms it with its first change.
  const dirty = !!opts.guard?.dirty;
  useEffect(() => {
    if (dirty && schema && isLazy(schema)) void schema.load().catch(() => undefined);
  }, [dirty, schema]);

  /** Checks `input` with the schema, then saves it. */
  const check = (s: z.ZodType | undefined, input: I) => {
    const local = s ? clientFieldErrors(s, input) : null;
    const localMessage = opts.localMessage;
    if (local) return show(stateAfter({ ok: false, error: localFailure(local) }, localMessage ? { ...wording, message: () => localMessage } : wording));
    cmd.trigger(input);
  };

  /** Checks `input` in the browser, then saves it. */
  const submit = (input: I) => {
    if (!schema || !isLazy(schema)) return check(schema, input);
    const loaded = schema.current();
    if (loaded) return check(loaded, input);
    // Not loaded yet: check once it is. Should it fail to load, the server's check still answers.
    schema.load().then(
      (s) => check(s, input),
      () => cmd.trigger(input),
    );
  };

  /** An uncontrolled form's submit: reads the form (`read`), then `submit`s it. */
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    submit(opts.read ? opts.read(e.currentTarget) : (formValues(e.currentTarget) as I));
  };

  return {
    submit,
    /** The props of the `<form>`: its ref for the focus, the kit's submit, no browser bubbles. */
    formProps: { ref: attach, onSubmit, noValidate: true },
    pending: cmd.pending,
    errors: state.errors,
    formError: state.formError,
    /** The errors of one control (which may show several paths' errors). */
    err: (...paths: string[]) => errorsAt(state.errors, ...paths),
    /** Drops the field errors (e.g. when the rows they pointed at changed), keeping the message. */
    clearFieldErrors: () => setState((s) => ({ ...s, errors: {} })),
    /** The callback ref of the form element (where the focus looks for the first error). */
    attach,
  };
}

/** FormData's entries as the schema reads them (strings; the schema coerces). */
export function formValues(form: HTMLFormElement): Record<string, unknown> {
  return Object.fromEntries(new FormData(form));
}

function isLazy(s: z.ZodType | LazySchema): s is LazySchema {
  return typeof (s as Partial<LazySchema>).load === "function";
}

function firstError(form: HTMLFormElement | null): HTMLElement | null {
  return form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]') ?? null;
}
