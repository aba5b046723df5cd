import { Plus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Hydrated } from "@/components/records/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { listPeople } from "@/db/queries/people";
import { requireUser } from "@/server/auth/guard";
import { can } from "@/lib/permissions";
import { cleanParams, queryKeys } from "@/lib/query/keys";
import { PERSON_LIST_PARAMS, paramsRecord, parseListParams, personListSchema } from "@/lib/validation/lists";
import { viewerLocale } from "@/server/viewer";
import { PeopleList } from "./_components/people-list";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("people.title");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslations("people"), viewerLocale()]);
  const db = getDb();
  const params = cleanParams(paramsRecord(await searchParams), PERSON_LIST_PARAMS);
  const [data, partners] = await Promise.all([listPeople(db, parseListParams(personListSchema, params)), partnerOptions(db)]);
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        link={can(user.role, "write") ? { href: "/people/new", label: t("form.newTitle"), icon: Plus } : null}
      />
      <Hydrated queryKey={queryKeys.people.list(params)} data={data}>
        <PeopleList partners={partners.map((p) => ({ id: p.id, label: locale === "ko" ? p.nameKo : p.nameEn }))} />
      </Hydrated>
    </>
  );
}
