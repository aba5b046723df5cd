import type en from "@/messages/en/validation.json";

/** The namespace of messages/<locale>/validation.json, where every field error's words are. */
export const MESSAGE_NAMESPACE = "validation";

/** A key of messages/<locale>/validation.json. */
export type MessageKey = keyof (typeof en)["validation"];
export type MessageValues = Record<string, string | number>;

// A field error anywhere (a zod issue, a data-layer refusal, an action result, the API before it
// answers) is written "validation.<key>", then "|" and the values as JSON when the words take any.
// The namespace is only how the text marks itself as a key: reading it gives the key inside the
// namespace, which is what the translators (made for that namespace) take.
const PREFIX = `${MESSAGE_NAMESPACE}.`;

export function messageKey(key: MessageKey, values?: MessageValues): string {
  return values ? `${PREFIX}${key}|${JSON.stringify(values)}` : `${PREFIX}${key}`;
}

/** The key inside the validation namespace and its values, or null when the message is not one of ours. */
export function readMessageKey(message: string): { key: MessageKey; values?: MessageValues } | null {
  if (!message.startsWith(PREFIX)) return null;
  const bar = message.indexOf("|");
  const key = message.slice(PREFIX.length, bar < 0 ? undefined : bar) as MessageKey;
  if (bar < 0) return { key };
  try {
    return { key, values: JSON.parse(message.slice(bar + 1)) as MessageValues };
  } catch {
    return { key };
  }
}

