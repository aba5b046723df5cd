import { ActionItems } from "@/components/actions/action-item";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingRows } from "@/components/meetings/meeting-row";
import { PartnerNames } from "@/components/partners/partner-names";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { PartnerTimeline } from "@/components/timeline/partner-timeline";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Pair } from "@/components/ui/pair";
import { Empty } from "@/components/ui/empty";
import { getDb } from "@/db";
import { partnerActions } from "@/db/queries/actions";
import { listMeetings, partnerGifts } from "@/db/queries/meetings";
import { getPartnerBySlug, lastContact, partnerIsReferenced, partnerMilestones, partnerPeople } from "@/db/queries/partners";
import { can } from "@/lib/permissions";
import { Button } from "@/components/ui/button";
import { MilestonesEditor } from "../_components/milestones-editor";
import { PartnerRecordActions } from "../_components/partner-record-actions";
import { requireUser } from "@/server/auth/guard";
import { FollowButton } from "@/components/notifications/follow-button";
import { followedIds, isFollowing } from "@/db/queries/follows";
import { daysSince, formatDate, formatMoney, formatNumber, formatPrecisionDate, utcToZonedParts, type Locale } from "@/lib/format";
import { localLang } from "@/lib/lang";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { RecordHistory } from "@/components/audit/record-history";
import { PartnerVisits } from "@/components/visits/partner-visits";
import { loadOr404 } from "@/server/not-found";

/** The partner page is an overview: the latest meetings, with a link to all of them. */
const PARTNER_MEETINGS_SHOWN = 10;

type Props = { params: Promise<{ slug: string }> };

function load(slug: string) {
  return loadOr404(() => getPartnerBySlug(getDb(), slug));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const p = await getDb().query.partner.findFirst({ where: (x, { eq }) => eq(x.slug, slug), columns: { nameEn: true } });
  return { title: p?.nameEn ?? "Partner" };
}

export default async function PartnerPage({ params }: Props) {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const { slug } = await params;
  const db = getDb();
  const p = await load(slug);
  const [t, te, tm, tc, locale, { zone }, milestones, people, meetings, actions, gifts, last] = await Promise.all([
    getTranslations("partners"),
    getTranslations("enums"),
    getTranslations("meetings"),
    getTranslations("common"),
    viewerLocale(),
    viewerTimeZone(),
    partnerMilestones(db, p.id),
    partnerPeople(db, p.id),
    listMeetings(db, { partnerId: p.id, size: PARTNER_MEETINGS_SHOWN }),
    partnerActions(db, p.id),
    partnerGifts(db, p.id),
    lastContact(db, p.id),
  ]);
  const deletable = canWrite && !(await partnerIsReferenced(db, p.id));
  const following = await isFollowing(db, { userId: user.id, type: "partner", id: p.id });
  const followedActions = await followedIds(db, { userId: user.id, type: "action", ids: actions.rows.map((a) => a.id) });
  const since = p.sincePrecision && p.sinceDate ? formatPrecisionDate(p.sinceDate, p.sincePrecision as "year", locale) : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <PartnerNames p={p} locale={locale} as="h1" />
          <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <PartnerStatusBadge status={p.status} />
            <Badge tone="brand">{te(`level.${p.level}`)}</Badge>
            {since ? (
              <span>
                {t("since")} {since}
              </span>
            ) : null}
            <span aria-hidden>·</span>
            <span>{last ? t("lastContactValue", { days: daysSince(last) }) : t("never")}</span>
            {p.archivedAt ? <Badge tone="amber">{tc("archived")}</Badge> : null}
          </div>
          <div className="mt-3">
            <FollowButton type="partner" id={p.id} following={following} />
          </div>
        </div>
        {canWrite ? (
          <div className="flex flex-col items-start gap-2 sm:items-end">
            <div className="flex flex-wrap gap-2">
              {p.archivedAt ? null : (
                <Button asChild size="sm">
                  <Link href={`/meetings/new?partner=${p.slug}`}>{t("form.newMeeting")}</Link>
                </Button>
              )}
              <Button asChild size="sm" variant="secondary">
                <Link href={`/partners/${p.slug}/edit`}>{tc("edit")}</Link>
              </Button>
            </div>
            <PartnerRecordActions id={p.id} name={p.nameEn} archived={p.archivedAt !== null} deletable={deletable} />
          </div>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("profile")} id="profile" className="lg:col-span-2">
          {p.summary ? <p className="whitespace-pre-line text-sm leading-6 text-slate-800">{p.summary}</p> : null}
          <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            <Pair k={t("nameEn")} v={<span lang="en">{p.nameEn}</span>} />
            <Pair k={t("nameKo")} v={<span lang="ko">{p.nameKo}</span>} />
            <Pair k={t("nameLocal")} v={p.nameLocal ? <span lang={localLang(p.country)}>{p.nameLocal}</span> : "—"} />
            <Pair k={t("country")} v={p.country} />
            <Pair k={t("kind")} v={te(`partnerKind.${p.kind}`)} />
            <Pair k={t("timeZone")} v={p.timeZone} />
          </dl>
        </Card>
        <Card title={t("milestones")} id="milestones">
          <MilestonesEditor partnerId={p.id} items={milestones} canWrite={canWrite} />
        </Card>
      </div>

      <PartnerTimeline slug={p.slug} />

      <Card title={t("meetingsHeading")} id="meetings">
        <MeetingRows
          rows={meetings.rows}
          detail={(m) => `${te(`meetingKind.${m.kind}`)} · ${te(`meetingStatus.${m.status}`)}${m.venue ? ` · ${m.venue}` : ""}`}
          empty={t("noMeetings")}
          viewerZone={zone}
          locale={locale}
        />
        {meetings.total > meetings.rows.length ? (
          <p className="mt-3 text-sm">
            <Link href={`/meetings?partner=${p.slug}`} className="text-brand-700 underline">
              {t("allMeetings", { n: formatNumber(meetings.total, locale), count: meetings.total })}
            </Link>
          </p>
        ) : null}
      </Card>

      <PartnerVisits partnerId={p.id} locale={locale} />

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("actions")} id="actions">
          <ActionItems
            actions={actions.rows}
            side={(a) => te(`actionSide.${a.side}`)}
            meta={(a) => `${tm("owner")}: ${a.ownerName ?? "—"} · ${tm("due")}: ${a.dueOn ? formatDate(a.dueOn, locale) : tm("noDue")}`}
            followed={followedActions}
            empty={<Empty>{t("noActions")}</Empty>}
          />
          {actions.total > actions.rows.length ? (
            <p className="mt-3 text-sm">
              <Link href={`/actions?partner=${p.slug}&status=unfinished`} className="text-brand-700 underline">
                {t("allOpenActions", { n: formatNumber(actions.total, locale) })}
              </Link>
            </p>
          ) : null}
        </Card>
        <Card title={t("gifts")} id="gifts">
          {gifts.length ? <GiftList gifts={gifts} locale={locale} /> : <Empty>{t("noGifts")}</Empty>}
        </Card>
      </div>

      <Card title={t("people")} id="people">
        {people.length ? (
          <ul className="grid gap-3 sm:grid-cols-2">
            {people.map((x) => (
              <li key={x.id} className="text-sm">
                <p className="font-medium text-slate-900">
                  <Link href={`/people/${x.id}`} className="text-brand-700 hover:underline">
                    {x.nameEn}
                  </Link>
                  {x.nameLocal ? <span className="ml-2 font-normal text-slate-600" lang={localLang(p.country)}>{x.nameLocal}</span> : null}
                </p>
                <p className="text-xs text-slate-600">{[x.title, x.organisation].filter(Boolean).join(", ")}</p>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t("noPeople")}</Empty>
        )}
      </Card>
      <RecordHistory recordType="partner" recordId={p.id} />
    </div>
  );
}

async function GiftList({ gifts, locale }: { gifts: Awaited<ReturnType<typeof partnerGifts>>; locale: Locale }) {
  const te = await getTranslations("enums");
  const tm = await getTranslations("meetings");
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {gifts.map((g) => (
        <li key={g.id} className="py-3">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={g.direction === "received" ? "amber" : "brand"}>{te(`giftDirection.${g.direction}`)}</Badge>
            <span className="font-medium text-slate-900">{g.item}</span>
          </div>
          {g.description ? <p className="mt-1 text-slate-700">{g.description}</p> : null}
          <p className="text-xs text-slate-600">
            {g.estimatedValue != null && g.currency ? formatMoney(g.estimatedValue, g.currency, locale) : tm("toBeValued")} ·{" "}
            <Link href={`/meetings/${g.meetingId}`} className="text-brand-700 underline">
              {formatDate(utcToZonedParts(g.startsAt, g.timeZone).date, locale)}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
