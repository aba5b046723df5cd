import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { Hydrated } from "@/components/records/hydrated";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { can } from "@/lib/permissions";
import { cleanParams, queryKeys } from "@/lib/query/keys";
import { MEETING_LIST_PARAMS, meetingScreenListSchema, paramsRecord, parseListParams } from "@/lib/validation/lists";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { MeetingsList } from "./_components/meetings-list";
import { meetingListPage } from "./list-page";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("meetings.title");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MeetingsPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = cleanParams(paramsRecord(await searchParams), MEETING_LIST_PARAMS);
  const [t, locale, { zone }] = await Promise.all([getTranslations("meetings"), viewerLocale(), viewerTimeZone()]);
  const db = getDb();
  const [data, partnerRows] = await Promise.all([meetingListPage(db, parseListParams(meetingScreenListSchema, params), locale, zone), partnerOptions(db)]);
  const partners = partnerRows.map((p) => ({ value: p.slug, label: locale === "ko" ? p.nameKo : p.nameEn }));
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        link={can(user.role, "write") ? { href: "/meetings/new", label: t("newMeeting"), icon: Plus } : null}
      />
      <Hydrated queryKey={queryKeys.meetings.list(params)} data={data}>
        <MeetingsList partners={partners} />
      </Hydrated>
    </>
  );
}
