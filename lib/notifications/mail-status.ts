import { readMailConfig, type MailConfig } from "./mail-config";

/** The mail configuration for pages; a bad one already stopped the server at start. */
export function mailConfigOrNull(): MailConfig | null {
  try {
    return readMailConfig();
  } catch {
    return null;
  }
}

export function mailEnabled(): boolean {
  return mailConfigOrNull() !== null;
}
