import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("forbiddenBody")}</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        {t("backHome")}
      </Link>
    </main>
  );
}
