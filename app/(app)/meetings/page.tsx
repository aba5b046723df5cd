import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingTime } from "@/components/meetings/meeting-time";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listMeetings } from "@/db/queries/meetings";
import { requireUser } from "@/lib/auth/guard";
import { viewerLocale, viewerTimeZone } from "@/lib/viewer";

export const metadata: Metadata = { title: "Meetings" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function MeetingsPage({ searchParams }: Props) {
  await requireUser();
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const [t, te, locale, { zone }] = await Promise.all([getTranslations("meetings"), getTranslations("enums"), viewerLocale(), viewerTimeZone()]);
  const { rows, total, size } = await listMeetings(getDb(), { page, size: 25 });
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Table caption={t("title")}>
        <thead>
          <tr>
            <Th>{t("when")}</Th>
            <Th>{t("meeting")}</Th>
            <Th>{t("partner")}</Th>
            <Th>{t("status")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <Td className="whitespace-nowrap">
                <MeetingTime at={m.startsAt} zone={m.timeZone} viewerZone={zone} locale={locale} />
              </Td>
              <Td>
                <Link href={`/meetings/${m.id}`} className="font-medium text-brand-700 hover:underline">
                  {m.title}
                </Link>
                <span className="block text-xs text-slate-600">{te(`meetingKind.${m.kind}`)}</span>
              </Td>
              <Td>
                <Link href={`/partners/${m.partnerSlug}`} className="text-brand-700 hover:underline">
                  {locale === "ko" ? m.partnerNameKo : m.partnerNameEn}
                </Link>
              </Td>
              <Td>{te(`meetingStatus.${m.status}`)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pager page={page} size={size} total={total} basePath="/meetings" query={sp} />
    </>
  );
}
