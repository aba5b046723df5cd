"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/app/commands";
import { cn } from "@/lib/cn";

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const choose = (l: "en" | "ko") =>
    start(async () => {
      await setLocale(l);
      router.refresh();
    });
  return (
    <div role="group" aria-label={t("language")} className={cn("inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm", className)}>
      {(["en", "ko"] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          disabled={pending}
          aria-pressed={locale === l}
          onClick={() => choose(l)}
          className={cn("rounded px-2 py-1", locale === l ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100")}
        >
          {l === "en" ? t("english") : t("korean")}
        </button>
      ))}
    </div>
  );
}
