import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { todayIn } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { blankValues, formContext } from "../_components/form-data";
import { MeetingForm } from "../_components/meeting-form/meeting-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("meetings.form.newTitle");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewMeetingPage({ searchParams }: Props) {
  await requireUser("write");
  const sp = await searchParams;
  const [t, locale, { zone }] = await Promise.all([getTranslations("meetings.form"), viewerLocale(), viewerTimeZone()]);
  const slug = typeof sp.partner === "string" ? sp.partner : undefined;
  const preselected = slug ? ((await partnerOptions(getDb())).find((p) => p.slug === slug) ?? null) : null;
  const ctx = await formContext(locale, preselected?.id ?? null);
  return (
    <>
      <PageHeader title={t("newTitle")} lead={t("newLead")} />
      <MeetingForm
        initial={blankValues(preselected, todayIn(preselected?.timeZone ?? zone))}
        partners={ctx.partners}
        initialPeople={ctx.initialPeople}
        knownPeople={[]}
        existingActions={[]}
        timeZones={ctx.timeZones}
        viewerZone={zone}
        locale={locale}
      />
    </>
  );
}
