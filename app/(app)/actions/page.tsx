import { getTranslations } from "next-intl/server";
import { Hydrated } from "@/components/records/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { actionOwnerOptions } from "@/db/queries/actions";
import { partnerOptions } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { todayIn } from "@/lib/format";
import { cleanParams, queryKeys } from "@/lib/query/keys";
import { ACTION_LIST_PARAMS, actionListSchema, paramsRecord, parseListParams } from "@/lib/validation/lists";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { ActionList } from "./_components/action-list";
import { actionListPage } from "./list-page";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("actions.title");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActionsPage({ searchParams }: Props) {
  const user = await requireUser();
  const [t, locale, { zone }] = await Promise.all([getTranslations("actions"), viewerLocale(), viewerTimeZone()]);
  const db = getDb();
  const params = cleanParams(paramsRecord(await searchParams), ACTION_LIST_PARAMS);
  const today = todayIn(zone);
  const [data, partners, owners] = await Promise.all([
    actionListPage(db, { params: parseListParams(actionListSchema, params), today, userId: user.id }),
    partnerOptions(db),
    actionOwnerOptions(db),
  ]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Hydrated queryKey={queryKeys.actions.list(params)} data={data}>
        <ActionList
          today={today}
          partners={partners.map((p) => ({ id: p.id, label: locale === "ko" ? p.nameKo : p.nameEn }))}
          owners={owners.map((o) => ({ id: o.id, label: o.nameEn }))}
        />
      </Hydrated>
    </>
  );
}
