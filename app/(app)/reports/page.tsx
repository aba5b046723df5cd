import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Coming } from "@/components/ui/coming";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Reports" };

export default async function Page() {
  await requireUser();
  const t = await getTranslations("nav");
  return <Coming area={t("reports")} />;
}
