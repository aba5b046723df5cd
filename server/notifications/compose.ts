import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { formatDate, type Locale } from "@/lib/format";
import type { NoticeRow } from "@/db/queries/notifications";
import { isNotificationKind } from "@/lib/notifications/kinds";
import { unsubscribeToken } from "./unsubscribe-token";

// One mail for one user: a single notice, or a digest grouped by kind. Multipart text and HTML in
// the user's language, links absolute on BETTER_AUTH_URL, one-click unsubscribe (RFC 8058).

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

function messages(locale: Locale): Messages {
  let m = cache.get(locale);
  if (!m) {
    m = JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", locale, "notifications.json"), "utf8")) as Messages;
    cache.set(locale, m);
  }
  return m;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The notifications namespace outside a request (the scheduler and the CLI have none). */
export function notificationTranslator(locale: Locale): Translate {
  return createTranslator({ locale, messages: messages(locale), namespace: "notifications" }) as unknown as Translate;
}

/** The notice as one sentence in the user's language (also used by the centre). */
export function noticeText(t: Translate, n: Pick<NoticeRow, "kind" | "stage" | "subject" | "detail">, locale: Locale): string {
  if (!isNotificationKind(n.kind)) return n.subject;
  const detail = n.detail && /^\d{4}-\d{2}-\d{2}$/.test(n.detail) ? formatDate(n.detail, locale) : (n.detail ?? "");
  return t(`text.${n.kind}`, { subject: n.subject, detail, stage: n.stage });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Lines a digest lists per kind; the rest are counted and linked to the centre. A catch-up after
 * downtime can hold tens of thousands of notices: listed in full, that mail would be megabytes
 * (past many servers' size limits) and nobody reads it.
 */
export const DIGEST_LINES_PER_KIND = 50;

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

export function composeMail(p: {
  userId: string;
  name: string;
  locale: Locale;
  baseUrl: string;
  notices: NoticeRow[];
  fromDomain: string;
}): ComposedMail {
  const t = notificationTranslator(p.locale);
  const base = p.baseUrl.replace(/\/$/, "");
  const link = (href: string) => `${base}${href}`;
  const unsub = (kind: Parameters<typeof unsubscribeToken>[1]) => `${base}/unsubscribe/${unsubscribeToken(p.userId, kind)}`;
  const single = p.notices.length === 1 ? p.notices[0]! : null;
  const groups = new Map<string, NoticeRow[]>();
  for (const n of p.notices) {
    const list = groups.get(n.kind);
    if (list) list.push(n);
    else groups.set(n.kind, [n]);
  }
  const kindLabel = (k: string) => (isNotificationKind(k) ? t(`kind.${k}`) : k);
  const subject = single ? t("mail.subjectOne", { text: noticeText(t, single, p.locale) }) : t("mail.subjectDigest", { count: p.notices.length });
  const account = link("/account/notifications");

  const text: string[] = [t("mail.greeting", { name: p.name }), "", t("mail.intro"), ""];
  const html: string[] = [`<p>${escapeHtml(t("mail.greeting", { name: p.name }))}</p>`, `<p>${escapeHtml(t("mail.intro"))}</p>`];
  for (const [kind, items] of groups) {
    text.push(`== ${kindLabel(kind)} ==`);
    html.push(`<h2 style="font-size:16px">${escapeHtml(kindLabel(kind))}</h2><ul>`);
    for (const n of items.slice(0, DIGEST_LINES_PER_KIND)) {
      const line = noticeText(t, n, p.locale);
      text.push(`- ${line}`, `  ${link(n.href)}`);
      html.push(`<li>${escapeHtml(line)} <a href="${escapeHtml(link(n.href))}">${escapeHtml(t("mail.open"))}</a></li>`);
    }
    const more = items.length - DIGEST_LINES_PER_KIND;
    if (more > 0) {
      const centre = link("/notifications");
      text.push(`- ${t("mail.more", { count: more })}`, `  ${centre}`);
      html.push(`<li><a href="${escapeHtml(centre)}">${escapeHtml(t("mail.more", { count: more }))}</a></li>`);
    }
    const u = isNotificationKind(kind) ? unsub(kind) : null;
    text.push("", u ? `${t("mail.unsubscribe", { kind: kindLabel(kind) })}: ${u}` : "", "");
    html.push(`</ul>`, u ? `<p><a href="${escapeHtml(u)}">${escapeHtml(t("mail.unsubscribe", { kind: kindLabel(kind) }))}</a></p>` : "");
  }
  text.push(t("mail.footer", { url: account }));
  html.push(`<p style="color:#555;font-size:12px">${escapeHtml(t("mail.footer", { url: account }))}</p>`);
  // The header link stops what this mail carried (RFC 8058: this list, not all mail): a single
  // notice's kind, or the kinds of the digest.
  const headerLink = unsub([...groups.keys()].filter(isNotificationKind));
  const ids = p.notices.map((n) => n.id).join("-");
  return {
    subject,
    text: text.join("\n"),
    html: `<!doctype html><html lang="${p.locale}"><body style="font-family:sans-serif">${html.join("\n")}</body></html>`,
    headers: { "List-Unsubscribe": `<${headerLink}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    // The same notices always get the same Message-ID, so a retry after a crash is recognisable.
    messageId: `<notice-${ids.length > 60 ? ids.slice(0, 60) : ids}.${p.notices.length}@${p.fromDomain}>`,
  };
}
