import Link from "next/link";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { can } from "@/lib/permissions";
import { queryKeys } from "@/lib/query/keys";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { MeetingsList } from "./_components/meetings-list";
import { meetingListPage, parseMeetingListParams } from "./list-params";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("meetings.title");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MeetingsPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = parseMeetingListParams(await searchParams);
  const [t, locale, { zone }] = await Promise.all([getTranslations("meetings"), viewerLocale(), viewerTimeZone()]);
  const db = getDb();
  // A QueryClient per server render: the first page arrives in the HTML, the browser takes over.
  const qc = new QueryClient();
  await qc.prefetchQuery({ queryKey: queryKeys.meetings.list(params), queryFn: () => meetingListPage(db, params, locale, zone) });
  const partners = (await partnerOptions(db)).map((p) => ({ value: p.slug, label: locale === "ko" ? p.nameKo : p.nameEn }));
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          can(user.role, "write") ? (
            <Button asChild>
              <Link href="/meetings/new">
                <Plus aria-hidden className="size-4" />
                {t("newMeeting")}
              </Link>
            </Button>
          ) : null
        }
      />
      <HydrationBoundary state={dehydrate(qc)}>
        <MeetingsList partners={partners} />
      </HydrationBoundary>
    </>
  );
}
