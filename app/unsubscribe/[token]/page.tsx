import { eq } from "drizzle-orm";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { user } from "@/db/schema";
import { isLocale } from "@/lib/format";
import { notificationTranslator } from "@/server/notifications/compose";
import { verifyUnsubscribeToken } from "@/server/notifications/unsubscribe-token";

export const metadata: Metadata = { title: "Unsubscribe" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The body link of a notification mail: no sign-in. It only confirms (a link scanner's GET
 * changes nothing); the button posts to the one-click endpoint. Shown in the recipient's language.
 */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const [{ token }, sp] = await Promise.all([params, searchParams]);
  const v = verifyUnsubscribeToken(token);
  const row = v ? (await getDb().select({ locale: user.locale }).from(user).where(eq(user.id, v.userId)).limit(1))[0] : undefined;
  const locale = isLocale(row?.locale) ? row.locale : "en";
  const t = notificationTranslator(locale);
  const kind = v ? new Intl.ListFormat(locale, { type: "conjunction" }).format(v.kinds.map((k) => t(`kind.${k}`))) : "";
  return (
    <main lang={locale} className="mx-auto max-w-lg space-y-4 px-4 py-12">
      <h1 className="text-2xl font-semibold text-slate-900">{t("unsubscribe.title")}</h1>
      {!v || !row ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
          {t("unsubscribe.invalid")}
        </p>
      ) : sp.done === "1" ? (
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900">
          {t("unsubscribe.done", { kind })}
        </p>
      ) : (
        <form method="post" action={`/api/unsubscribe/${encodeURIComponent(token)}`}>
          <input type="hidden" name="from" value="page" />
          <button type="submit" className="inline-flex h-10 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">
            {t("unsubscribe.confirm", { kind })}
          </button>
        </form>
      )}
    </main>
  );
}
