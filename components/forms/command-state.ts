import type { CommandError, CommandResult } from "@/lib/types/command";
import type { FieldErrors } from "@/lib/validation/error-keys";

// The form kit's pure part: what a form shows after a command answers. No React, no words of its
// own: the form hands in its translators, so this is unit-tested with plain functions
// (tests/forms/command-state.test.ts) and every form shows a failure the same way.

/** What a form shows about its last save: errors next to fields, and one message above them. */
export interface FormState {
  errors: FieldErrors;
  formError: string | null;
}

export const cleanForm: FormState = { errors: {}, formError: null };

/** How a form words a failure, and where its field errors show. */
export interface FormWording {
  /** Field errors (message keys) in the reader's language. */
  fields: (fields: FieldErrors | undefined) => FieldErrors;
  /** The form-level message for a failure. */
  message: (error: CommandError) => string;
  /** A command's field path to the form's own (e.g. row numbers of a payload without blank rows). */
  path?: (path: string) => string;
}

/** The failure a browser-side check stands for: the same words as the server's refusal. */
export function localFailure(fields: FieldErrors): CommandError {
  return { code: "validation_failed", message: "", fields };
}

function ownPaths(fields: FieldErrors | undefined, path: FormWording["path"]): FieldErrors | undefined {
  if (!fields || !path) return fields;
  const out: FieldErrors = {};
  for (const [p, msgs] of Object.entries(fields)) out[path(p)] = [...(out[path(p)] ?? []), ...msgs];
  return out;
}

/** The form's state once a command answered (or the browser's check refused). */
export function stateAfter(result: CommandResult<unknown> | { ok: false; error: CommandError }, w: FormWording): FormState {
  if (result.ok) return cleanForm;
  const { error } = result;
  return { errors: w.fields(ownPaths(error.fields, w.path)), formError: w.message(error) };
}

/** The errors of some paths together (a control that shows two fields' errors), or undefined. */
export function errorsAt(errors: FieldErrors, ...paths: string[]): string[] | undefined {
  const out = paths.flatMap((p) => errors[p] ?? []);
  return out.length ? out : undefined;
}
