import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, type ClientScope } from "@/i18n/client-namespaces";

/**
 * The words a part of the app sends to the browser: the shell's namespaces and its own. A nested
 * provider replaces the outer one's messages, so it carries the shell's too.
 */
export async function ClientMessages({ scope, children }: { scope?: ClientScope; children: ReactNode }) {
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), scope)}>{children}</NextIntlClientProvider>;
}
