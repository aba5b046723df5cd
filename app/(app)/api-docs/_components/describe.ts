// Reading the OpenAPI document for the reference page: a schema in one line, and each
// operation's summary in the reader's language (the document's own summaries are English).

export type Schema = {
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: unknown;
  $ref?: string;
  format?: string;
  description?: string;
};

export type Operation = {
  summary: string;
  operationId: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> } | { $ref: string }>;
};

type T = (key: string, values?: Record<string, string | number>) => string;

/** A schema in one line: type, allowed values and limits. */
export function describeSchema(s: Schema | undefined, t: T): string {
  if (!s) return "";
  if (s.$ref) return s.$ref.split("/").pop()!;
  if (s.anyOf) return s.anyOf.map((x) => describeSchema(x, t)).join(" | ");
  if (s.enum) return s.enum.map(String).join(" | ");
  const type = s.type === "array" ? `${describeSchema(s.items, t)}[]` : Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  const limits = [
    s.format,
    s.minLength !== undefined ? t("minChars", { n: s.minLength }) : null,
    s.maxLength !== undefined ? t("maxChars", { n: s.maxLength }) : null,
    s.minimum !== undefined && s.minimum > -1e15 ? `≥ ${s.minimum}` : null,
    s.maximum !== undefined && s.maximum < 1e15 ? `≤ ${s.maximum}` : null,
    // A format already says what a date-time's long pattern spells out.
    s.pattern && !s.format ? `/${s.pattern}/` : null,
    s.default !== undefined ? t("default", { value: JSON.stringify(s.default) }) : null,
  ].filter(Boolean);
  return limits.length ? `${type} (${limits.join(", ")})` : type;
}

const RESOURCE_OP = /^(list|create|get|replace|update|delete|archive|restore)(Partner|Person|Meeting|Action|Gift|Milestone|Visit)$/;

/** "Create an action" / "후속 조치 만들기", from the operation id and the messages. */
export function operationSummary(op: Operation, t: T): string {
  const m = RESOURCE_OP.exec(op.operationId);
  if (m) return t(`ops.${m[1]}`, { one: t(`names.${m[2]}.one`), many: t(`names.${m[2]}.many`) });
  return t(`ops.${op.operationId}`);
}

/** The schema an answer's JSON body refers to, if it names one. */
export function answerSchema(r: Operation["responses"][string]): string | null {
  if ("$ref" in r) return null;
  const s = r.content?.["application/json"]?.schema;
  const target = s?.$ref ?? (s?.type === "object" ? (s.properties?.data)?.items?.$ref : undefined);
  return target ? target.split("/").pop()! : null;
}
