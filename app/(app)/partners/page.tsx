import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Hydrated } from "@/components/records/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { listPartnerPage } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { can } from "@/lib/permissions";
import { cleanParams, queryKeys } from "@/lib/query/keys";
import { PARTNER_LIST_PARAMS, paramsRecord, parseListParams, partnerListSchema } from "@/lib/validation/lists";
import { PartnerList } from "./_components/partner-list";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("partners.title");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartnersPage({ searchParams }: Props) {
  const user = await requireUser();
  const t = await getTranslations("partners");
  const params = cleanParams(paramsRecord(await searchParams), PARTNER_LIST_PARAMS);
  const data = await listPartnerPage(getDb(), parseListParams(partnerListSchema, params));
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        link={can(user.role, "write") ? { href: "/partners/new", label: t("form.newTitle"), icon: Plus } : null}
      />
      <Hydrated queryKey={queryKeys.partners.list(params)} data={data}>
        <PartnerList />
      </Hydrated>
    </>
  );
}
