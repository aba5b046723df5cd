import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/server/auth/guard";
import { viewerLocale } from "@/server/viewer";
import { visitFormContext } from "../_components/form-context";
import { blankVisit } from "../_components/form-values";
import { VisitForm } from "../_components/visit-form";

export const metadata: Metadata = { title: "New visit" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewVisitPage({ searchParams }: Props) {
  await requireUser("write");
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("visits.form"), viewerLocale()]);
  const ctx = await visitFormContext(locale);
  const partner = typeof sp.partner === "string" && ctx.partners.some((p) => p.value === sp.partner) ? sp.partner : "";
  return (
    <>
      <PageHeader title={t("newTitle")} lead={t("newLead")} />
      <VisitForm initial={blankVisit(partner)} {...ctx} />
    </>
  );
}
