import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { getTranslations } from "next-intl/server";

export async function AdminBack() {
  const t = await getTranslations("admin");
  return (
    <Link href="/admin" className="inline-flex items-center gap-1 text-sm text-brand-700 underline">
      <ArrowLeft aria-hidden className="size-4" />
      {t("title")}
    </Link>
  );
}
