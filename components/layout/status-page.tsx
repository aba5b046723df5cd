import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A full page that says why there is nothing to show (not found, forbidden), with a way home. */
export async function StatusPage({ which }: { which: "notFound" | "forbidden" }) {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t(`${which}Title`)}</h1>
      <p className="mt-2 text-slate-600">{t(`${which}Body`)}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        {t("backHome")}
      </Link>
    </main>
  );
}
