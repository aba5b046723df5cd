// What a command (server action) answers: its data, or an error the form shows.
import type { ErrorCode } from "@/lib/errors";

export type CommandError = {
  code: ErrorCode | "internal";
  message: string;
  fields?: Record<string, string[]>;
  details?: Record<string, unknown>;
};
export type CommandResult<T> = { ok: true; data: T } | { ok: false; error: CommandError };
