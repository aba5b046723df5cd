/**
 * One text field of a form posted to a server action. The argument is typed FormData, but a
 * forged call can send anything in its place; a missing form or a file reads as no value, so
 * the schema refuses it with a field message instead of the action throwing.
 */
export function formText(form: unknown, key: string): string | undefined {
  if (!(form instanceof FormData)) return undefined;
  const v = form.get(key);
  return typeof v === "string" ? v : undefined;
}
