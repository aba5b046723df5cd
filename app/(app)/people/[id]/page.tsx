import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingRows } from "@/components/meetings/meeting-row";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Pair } from "@/components/ui/pair";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getPartner } from "@/db/queries/partners";
import { getPerson, personIsReferenced, personMeetings } from "@/db/queries/people";
import { requireUser } from "@/server/auth/guard";
import { can } from "@/lib/permissions";
import { localLang } from "@/lib/lang";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { PersonRecordActions } from "../_components/person-record-actions";
import { parseIdParam } from "@/lib/validation/common";
import { loadByIdOr404 } from "@/server/not-found";

type Props = { params: Promise<{ id: string }> };

async function load(idParam: string) {
  return loadByIdOr404(idParam, (id) => getPerson(getDb(), id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const pid = parseIdParam(id);
  const p = pid !== null ? await getDb().query.person.findFirst({ where: (x, { eq }) => eq(x.id, pid), columns: { nameEn: true } }) : undefined;
  return { title: p?.nameEn ?? "Person" };
}

export default async function PersonPage({ params }: Props) {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const db = getDb();
  const person = await load((await params).id);
  const [t, te, tc, locale, { zone }, meetings, partner] = await Promise.all([
    getTranslations("people"),
    getTranslations("enums"),
    getTranslations("common"),
    viewerLocale(),
    viewerTimeZone(),
    personMeetings(db, person.id),
    person.partnerId ? getPartner(db, person.partnerId) : Promise.resolve(null),
  ]);
  const deletable = canWrite && !(await personIsReferenced(db, person.id));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{person.nameEn}</h1>
          {person.nameLocal ? (
            <p className="mt-1 text-base text-slate-600" lang={person.side === "home" ? "ko" : localLang(partner?.country)}>
              {person.nameLocal}
            </p>
          ) : null}
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone={person.side === "home" ? "brand" : "neutral"}>{te(`personSide.${person.side}`)}</Badge>
            {partner ? (
              <Link href={`/partners/${partner.slug}`} className="text-brand-700 underline">
                {locale === "ko" ? partner.nameKo : partner.nameEn}
              </Link>
            ) : null}
            {person.archivedAt ? <Badge tone="amber">{tc("archived")}</Badge> : null}
          </div>
        </div>
        {canWrite ? (
          <div className="flex flex-col items-start gap-2 sm:items-end">
            <Button asChild size="sm" variant="secondary">
              <Link href={`/people/${person.id}/edit`}>{tc("edit")}</Link>
            </Button>
            <PersonRecordActions id={person.id} name={person.nameEn} archived={person.archivedAt !== null} deletable={deletable} />
          </div>
        ) : null}
      </div>

      <Card title={t("profile")} id="profile">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <Pair k={t("form.title")} v={person.title ?? "—"} />
          <Pair k={t("form.organisation")} v={person.organisation ?? "—"} />
          <Pair k={t("form.email")} v={person.email ? <a className="text-brand-700 underline" href={`mailto:${person.email}`}>{person.email}</a> : "—"} />
          <Pair k={t("form.phone")} v={person.phone ?? "—"} />
        </dl>
        {person.notes ? <p className="mt-4 whitespace-pre-line text-sm text-slate-800">{person.notes}</p> : null}
      </Card>

      <Card title={t("meetingsHeading")} id="meetings">
        <MeetingRows
          rows={meetings}
          detail={(m) => `${te(`participantRole.${m.role}`)}${m.titleAtTime ? ` · ${t("titleAtTime", { title: m.titleAtTime })}` : ""} · ${locale === "ko" ? m.partnerNameKo : m.partnerNameEn}`}
          empty={t("noMeetings")}
          viewerZone={zone}
          locale={locale}
        />
      </Card>
    </div>
  );
}
