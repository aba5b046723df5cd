import type en from "@/messages/en/validation.json";

/** A key of messages/<locale>/validation.json. */
export type MessageKey = keyof (typeof en)["validation"];
export type MessageValues = Record<string, string | number>;

// A zod issue's message, and so a field error anywhere (action result, ValidationError, API
// before it answers): "validation.<key>", then "|" and the values as JSON when the words take any.
const PREFIX = "validation.";

export function messageKey(key: MessageKey, values?: MessageValues): string {
  return values ? `${PREFIX}${key}|${JSON.stringify(values)}` : `${PREFIX}${key}`;
}

/** The full message key and its values, or null when the message is not one of ours. */
export function readMessageKey(message: string): { key: string; values?: MessageValues } | null {
  if (!message.startsWith(PREFIX)) return null;
  const bar = message.indexOf("|");
  if (bar < 0) return { key: message };
  try {
    return { key: message.slice(0, bar), values: JSON.parse(message.slice(bar + 1)) as MessageValues };
  } catch {
    return { key: message.slice(0, bar) };
  }
}
