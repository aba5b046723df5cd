import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { isValidTimeZone, parseIsoDate } from "@/lib/format";
import { DATE_PRECISIONS } from "@/lib/domain";

/** Empty strings from forms become undefined; everything else is trimmed. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim()) : v === null ? undefined : v),
    z.string().max(max).optional(),
  );

export const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string().min(1, { message: "Required." }).max(max));

/** What a form leaves empty and what the API returns as null both mean "not given". */
export const blankToUndefined = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2019-11-27." })
  .refine((s) => parseIsoDate(s) !== null, { message: "Not a real date." });

export const optionalIsoDate = z.preprocess((v) => (v === "" || v === null ? undefined : v), isoDate.optional());

/** "2008", "2019-11" or "2019-11-27". */
export const partialIsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: "Use 2008, 2019-11 or 2019-11-27." })
  .refine((s) => parseIsoDate(s) !== null, { message: "Not a real date." });

export const datePrecision = z.enum(DATE_PRECISIONS);

export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => isValidTimeZone(tz), { message: "Unknown time zone." });

export const id = z.coerce.number().int().positive();
export const optionalId = z.preprocess((v) => (v === "" || v === null ? undefined : v), id.optional());
export const version = z.coerce.number().int().positive();

/** Optional non-negative number from a form field. */
export const optionalNumber = (opts: { int?: boolean; max?: number } = {}) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    (opts.int ? z.coerce.number().int() : z.coerce.number()).min(0).max(opts.max ?? 1e12).optional(),
  );

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parses or throws a ValidationError with messages per field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(fieldErrors(r.error));
  return r.data;
}

// The plain arguments of a server action (the record it acts on, a yes/no). Strict, not
// coerced: a browser sends a number and a boolean, and anything else is a forged call.
const argIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A record id passed to a server action, or a ValidationError. */
export function argId(v: unknown): number {
  return parseInput(argIdSchema, v);
}

/** A yes/no passed to a server action, or a ValidationError. */
export function argFlag(v: unknown): boolean {
  return parseInput(z.boolean(), v);
}
