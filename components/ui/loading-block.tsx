import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";

/**
 * What a page shows in place of a part that is still being read from the database, while the
 * rest of the page (header, navigation, filters) is already on screen. Announced politely once.
 */
export async function LoadingBlock({ className }: { className?: string }) {
  const t = await getTranslations("common");
  return (
    <div role="status" className={cn("flex items-center justify-center rounded-lg border border-slate-200 bg-white text-sm text-slate-600 shadow-sm", className)}>
      <span className="motion-safe:animate-pulse">{t("loading")}</span>
    </div>
  );
}
