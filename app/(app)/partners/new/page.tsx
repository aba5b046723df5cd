import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/server/auth/guard";
import { PartnerForm } from "../_components/partner-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("partners.form.newTitle");

export default async function NewPartnerPage() {
  await requireUser("write");
  const t = await getTranslations("partners.form");
  return (
    <>
      <PageHeader title={t("newTitle")} lead={t("newLead")} />
      <PartnerForm />
    </>
  );
}
