import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { viewerLocale } from "@/server/viewer";
import { PersonForm } from "../_components/person-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("people.form.newTitle");

type Props = { searchParams: Promise<{ partner?: string }> };

export default async function NewPersonPage({ searchParams }: Props) {
  await requireUser("write");
  const [t, locale, partners, sp] = await Promise.all([getTranslations("people.form"), viewerLocale(), partnerOptions(getDb()), searchParams]);
  const preset = partners.find((p) => p.slug === sp.partner);
  return (
    <>
      <PageHeader title={t("newTitle")} lead={t("newLead")} />
      <PersonForm partners={partners.map((p) => ({ id: p.id, label: locale === "ko" ? p.nameKo : p.nameEn }))} defaultPartnerId={preset?.id} />
    </>
  );
}
