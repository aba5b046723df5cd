import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getMeeting, type MeetingDetail } from "@/db/queries/meetings";
import { requireUser } from "@/server/auth/guard";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { formContext, valuesFromMeeting } from "../../_components/form-data";
import { MeetingForm } from "../../_components/meeting-form/meeting-form";
import { pageTitle } from "@/components/layout/page-title";
import { loadByIdOr404 } from "@/server/not-found";

export const generateMetadata = pageTitle("meetings.form.editTitle");

type Props = { params: Promise<{ id: string }> };

function load(idParam: string): Promise<MeetingDetail> {
  return loadByIdOr404(idParam, (id) => getMeeting(getDb(), id));
}

export default async function EditMeetingPage({ params }: Props) {
  await requireUser("write");
  const m = await load((await params).id);
  const [t, locale, { zone }] = await Promise.all([getTranslations("meetings.form"), viewerLocale(), viewerTimeZone()]);
  const ctx = await formContext(locale, m.partnerId);
  const knownPeople = [...m.participants.map((p) => p.person), ...m.gifts.flatMap((g) => [g.fromPerson, g.toPerson])]
    .filter((p): p is NonNullable<typeof p> => p != null)
    .map((p) => ({ id: p.id, label: p.nameLocal ? `${p.nameEn} (${p.nameLocal})` : p.nameEn }));
  if (!ctx.partners.some((p) => p.id === m.partnerId))
    ctx.partners.push({ id: m.partner.id, name: locale === "ko" ? m.partner.nameKo : m.partner.nameEn, timeZone: m.partner.timeZone });
  return (
    <>
      <PageHeader title={t("editTitle")} lead={m.title} />
      <MeetingForm
        meetingId={m.id}
        version={m.version}
        initial={valuesFromMeeting(m)}
        partners={ctx.partners}
        initialPeople={ctx.initialPeople}
        knownPeople={knownPeople}
        existingActions={m.actions.map((a) => ({ id: a.id, title: a.title, status: a.status }))}
        timeZones={ctx.timeZones}
        viewerZone={zone}
        locale={locale}
      />
    </>
  );
}
