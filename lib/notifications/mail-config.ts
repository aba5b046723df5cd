// SMTP_URL and MAIL_FROM, checked once: a bad value is refused at start with a message naming
// the variable, never a stack trace at the first send.

export interface MailConfig {
  url: string;
  host: string;
  from: string;
}

export class MailConfigError extends Error {}

export function readMailConfig(env: Record<string, string | undefined> = process.env): MailConfig | null {
  const url = env.SMTP_URL?.trim();
  const from = env.MAIL_FROM?.trim();
  if (!url && !from) return null;
  if (!url) throw new MailConfigError("MAIL_FROM is set but SMTP_URL is not: set SMTP_URL (smtp://user:pass@host:port or smtps://…) or unset MAIL_FROM.");
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new MailConfigError("SMTP_URL is not a valid URL: use smtp://user:pass@host:port or smtps://user:pass@host:port.");
  }
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:")
    throw new MailConfigError(`SMTP_URL must start with smtp:// or smtps://, not ${u.protocol}//.`);
  if (!u.hostname) throw new MailConfigError("SMTP_URL has no host: use smtp://user:pass@host:port.");
  if (u.port && !(Number(u.port) >= 1 && Number(u.port) <= 65535)) throw new MailConfigError("SMTP_URL has a port outside 1–65535.");
  if (!from) throw new MailConfigError("SMTP_URL is set but MAIL_FROM is not: set MAIL_FROM to the sender address, e.g. Bridgehead <bridgehead@example.org>.");
  if (!/^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(from))
    throw new MailConfigError("MAIL_FROM is not a mail address: use name@example.org or Name <name@example.org>.");
  return { url, host: `${u.hostname}${u.port ? `:${u.port}` : ""}`, from };
}
