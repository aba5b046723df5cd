import { ActionItems } from "@/components/actions/action-item";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingTime } from "@/components/meetings/meeting-time";
import { Pencil } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { giftDeclarationStatus, type DeclarationStatus } from "@/db/queries/exchange-rates";
import { getMeeting, type MeetingDetail } from "@/db/queries/meetings";
import { requireUser } from "@/server/auth/guard";
import { FollowButton } from "@/components/notifications/follow-button";
import { followedIds, isFollowing } from "@/db/queries/follows";
import { can } from "@/lib/permissions";
import { formatDate, formatMoney, utcToZonedParts } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { RecordHistory } from "@/components/audit/record-history";
import { ArchiveMeetingButton } from "../_components/archive-button";
import { parseIdParam } from "@/lib/validation/common";
import { visitOfMeeting } from "@/db/queries/visit-views";
import { loadByIdOr404 } from "@/server/not-found";

type Props = { params: Promise<{ id: string }> };

function load(idParam: string): Promise<MeetingDetail> {
  return loadByIdOr404(idParam, (id) => getMeeting(getDb(), id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseIdParam((await params).id);
  const m = id !== null ? await getDb().query.meeting.findFirst({ where: (x, { eq }) => eq(x.id, id), columns: { title: true } }) : null;
  return { title: m?.title ?? "Meeting" };
}

export default async function MeetingPage({ params }: Props) {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const m = await load((await params).id);
  const [t, te, locale, { zone }] = await Promise.all([getTranslations("meetings"), getTranslations("enums"), viewerLocale(), viewerTimeZone()]);
  const partnerName = locale === "ko" ? m.partner.nameKo : m.partner.nameEn;
  const onDate = utcToZonedParts(m.startsAt, m.timeZone).date;
  const declarations = new Map(await Promise.all(m.gifts.map(async (g) => [g.id, await giftDeclarationStatus(getDb(), { ...g, onDate })] as const)));
  const inVisit = await visitOfMeeting(getDb(), m.id);
  const tv = await getTranslations("visits");
  const followedActions = await followedIds(getDb(), { userId: user.id, type: "action", ids: m.actions.map((a) => a.id) });
  const ours = m.participants.filter((p) => p.person.side === "home");
  const theirs = m.participants.filter((p) => p.person.side === "partner");
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm text-slate-600">
          <Link href={`/partners/${m.partner.slug}`} className="text-brand-700 hover:underline">
            {partnerName}
          </Link>
        </p>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight text-slate-900">{m.title}</h1>
          {canWrite ? (
            <div className="flex flex-wrap gap-2">
              <Button asChild>
                <Link href={`/meetings/${m.id}/edit`}>
                  <Pencil aria-hidden className="size-4" />
                  {t("detail.edit")}
                </Link>
              </Button>
              <ArchiveMeetingButton id={m.id} archived={m.archivedAt !== null} />
            </div>
          ) : null}
        </div>
        <div className="mt-2 flex flex-wrap gap-2">
          {m.archivedAt ? <Badge tone="neutral">{t("detail.archivedBadge")}</Badge> : null}
          <Badge tone="brand">{te(`meetingKind.${m.kind}`)}</Badge>
          <Badge tone={m.status === "held" ? "green" : m.status === "cancelled" ? "neutral" : "amber"}>{te(`meetingStatus.${m.status}`)}</Badge>
        </div>
        {inVisit ? (
          <p className="mt-2 text-sm">
            <Link href={`/visits/${inVisit.visitId}`} className="text-brand-700 hover:underline">
              {tv("partOfVisit", { title: inVisit.title })}
            </Link>
          </p>
        ) : null}
        <div className="mt-3">
          <FollowButton type="meeting" id={m.id} following={await isFollowing(getDb(), { userId: user.id, type: "meeting", id: m.id })} />
        </div>
      </header>

      <Card title={t("when")} id="facts">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">{t("when")}</dt>
            <dd className="font-medium text-slate-900">
              <MeetingTime at={m.startsAt} zone={m.timeZone} viewerZone={zone} locale={locale} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("where")}</dt>
            <dd className="text-slate-900">{[m.venue, m.city].filter(Boolean).join(", ") || "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("duration")}</dt>
            <dd className="text-slate-900">{m.durationMinutes != null ? t("durationValue", { n: m.durationMinutes }) : "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">{t("attendees")}</dt>
            <dd className="text-slate-900">{m.attendeeCount != null ? t("attendeeCount", { n: m.attendeeCount }) : "—"}</dd>
          </div>
        </dl>
      </Card>

      <Card title={t("people")} id="people">
        <div className="grid gap-6 sm:grid-cols-2">
          {[
            { label: t("ourSide"), list: ours },
            { label: t("theirSide"), list: theirs },
          ].map(({ label, list }) => (
            <div key={label}>
              <h3 className="mb-2 text-sm font-semibold text-slate-700">{label}</h3>
              <ul className="space-y-2 text-sm">
                {list.map((p) => (
                  <li key={p.id}>
                    <span className="font-medium text-slate-900">{p.person.nameEn}</span>
                    {p.person.nameLocal ? <span className="ml-2 text-slate-600">{p.person.nameLocal}</span> : null}
                    <span className="block text-xs text-slate-600">
                      {te(`participantRole.${p.role}`)}
                      {p.titleAtTime ? ` · ${t("titleAtTime", { title: p.titleAtTime })}` : ""}
                    </span>
                  </li>
                ))}
                {list.length === 0 ? <li className="text-slate-600">—</li> : null}
              </ul>
            </div>
          ))}
        </div>
      </Card>

      {[
        { key: "topics", text: m.topics },
        { key: "summary", text: m.summary },
        { key: "outcomes", text: m.outcomes },
        { key: "notes", text: m.notes },
      ]
        .filter((x) => x.text)
        .map((x) => (
          <Card key={x.key} title={t(x.key)} id={x.key}>
            <p className="whitespace-pre-line text-sm leading-6 text-slate-800">{x.text}</p>
          </Card>
        ))}

      <Card title={t("gifts")} id="gifts">
        {m.gifts.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {m.gifts.map((g) => (
              <li key={g.id} className="py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={g.direction === "received" ? "amber" : "brand"}>{te(`giftDirection.${g.direction}`)}</Badge>
                  <span className="font-medium text-slate-900">{g.item}</span>
                  <DeclarationBadge status={declarations.get(g.id)!.status} declared={g.declaredOn !== null} t={t} />
                </div>
                {g.description ? <p className="mt-1 text-slate-700">{g.description}</p> : null}
                <p className="text-xs text-slate-600">
                  {g.fromPerson || g.toPerson ? t("giftFromTo", { from: g.fromPerson?.nameEn ?? "—", to: g.toPerson?.nameEn ?? "—" }) + " · " : ""}
                  {g.estimatedValue != null && g.currency ? formatMoney(g.estimatedValue, g.currency, locale) : t("toBeValued")}
                  {g.direction === "received" ? ` · ${g.declaredOn ? t("declaredOn", { date: formatDate(g.declaredOn, locale) }) : t("notDeclared")}` : ""}
                  {declarations.get(g.id)!.valueKrw !== null && g.currency !== "KRW" ? ` (${formatMoney(Math.round(declarations.get(g.id)!.valueKrw!), "KRW", locale)})` : ""}
                  {g.disposition ? ` · ${te(`disposition.${g.disposition}`)}` : ""}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">—</p>
        )}
      </Card>

      <Card title={t("actions")} id="actions">
        <ActionItems
          actions={m.actions}
          side={(a) => `${t("side")}: ${te(`actionSide.${a.side}`)}`}
          meta={(a) => `${t("owner")}: ${a.ownerPerson?.nameEn ?? "—"} · ${t("due")}: ${a.dueOn ? formatDate(a.dueOn, locale) : t("noDue")}`}
          followed={followedActions}
          empty={<p className="text-sm text-slate-600">—</p>}
        />
      </Card>
      <RecordHistory recordType="meeting" recordId={m.id} />
    </article>
  );
}

/** The declaration rule's verdict, where it asks something of the reader. */
function DeclarationBadge({ status, declared, t }: { status: DeclarationStatus; declared: boolean; t: (key: string) => string }) {
  if (status === "declare") return <Badge tone={declared ? "green" : "red"}>{t(declared ? "declaration.declared" : "declaration.declare")}</Badge>;
  if (status === "no_rate") return <Badge tone="amber">{t("declaration.noRate")}</Badge>;
  return null;
}
