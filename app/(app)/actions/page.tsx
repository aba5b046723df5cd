import { getTranslations } from "next-intl/server";
import { Hydrated } from "@/components/records/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { actionOwnerOptions, listActions } from "@/db/queries/actions";
import { followedIds } from "@/db/queries/follows";
import { partnerOptions } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { todayIn } from "@/lib/format";
import { cleanParams, queryKeys } from "@/lib/query/keys";
import { ACTION_LIST_PARAMS, actionListSchema, paramsRecord, parseListParams } from "@/lib/validation/lists";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { ActionList } from "./_components/action-list";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("actions.title");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActionsPage({ searchParams }: Props) {
  const user = await requireUser();
  const [t, locale, { zone }] = await Promise.all([getTranslations("actions"), viewerLocale(), viewerTimeZone()]);
  const db = getDb();
  const params = cleanParams(paramsRecord(await searchParams), ACTION_LIST_PARAMS);
  const today = todayIn(zone);
  const [page, partners, owners] = await Promise.all([
    listActions(db, { ...parseListParams(actionListSchema, params), today }),
    partnerOptions(db),
    actionOwnerOptions(db),
  ]);
  // The Follow buttons' state rides with the page, so the list reads it in one query.
  const data = { ...page, followed: [...(await followedIds(db, { userId: user.id, type: "action", ids: page.rows.map((r) => r.id) }))] };
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
