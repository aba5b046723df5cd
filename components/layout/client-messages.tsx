import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, type ClientScope } from "@/i18n/client-namespaces";
import { precompileMessages } from "@/i18n/precompile";

/**
 * The words a part of the app sends to the browser: the shell's namespaces and its own,
 * precompiled (i18n/precompile.ts), so the browser formats them without the ICU parser. A nested
 * provider replaces the outer one's messages, so it carries the shell's too.
 */
export async function ClientMessages({ scope, children }: { scope?: ClientScope; children: ReactNode }) {
  const all = await getMessages();
  return <NextIntlClientProvider messages={precompileMessages(all, scope ?? "", pickMessages(all, scope)) as never}>{children}</NextIntlClientProvider>;
}
