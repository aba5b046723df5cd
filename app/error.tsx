"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-600">{t("errorBody")}</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">#{error.digest}</p> : null}
      <Button className="mt-6" onClick={reset}>
        {t("tryAgain")}
      </Button>
    </main>
  );
}
