import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Pencil } from "lucide-react";
import { RecordHistory } from "@/components/audit/record-history";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { getVisit, meetingTitles, peopleByIds, visitGiftWarnings } from "@/db/queries/visit-views";
import { requireUser } from "@/server/auth/guard";
import { can } from "@/lib/permissions";
import { formatDate, formatMoney, utcToZonedParts } from "@/lib/format";
import { parseIdParam } from "@/lib/validation/common";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { findConflicts, type Conflict } from "@/lib/visits/conflicts";
import { visitDates } from "@/lib/visits/when";
import { Agenda, BothZones } from "../_components/agenda";
import { BriefingBookForm } from "../_components/briefing-book-form";
import { Checklist } from "../_components/checklist";
import { PrintButton } from "../_components/print-button";
import { RecordGiftForm } from "../_components/record-gift-form";
import { VisitVersion } from "../_components/visit-version";
import { loadByIdOr404 } from "@/server/not-found";
import type { VisitDetail } from "@/lib/types/visits";

type Props = { params: Promise<{ id: string }> };

function load(idParam: string): Promise<VisitDetail> {
  return loadByIdOr404(idParam, (id) => getVisit(getDb(), id));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireUser();
  const id = parseIdParam((await params).id);
  const v = id === null ? null : await getVisit(getDb(), id).catch(() => null);
  return { title: v?.title ?? "Visit" };
}

export default async function VisitPage({ params }: Props) {
  const user = await requireUser();
  const canWrite = can(user.role, "write");
  const v = await load((await params).id);
  const db = getDb();
  const [t, locale, { zone }] = await Promise.all([getTranslations("visits"), viewerLocale(), viewerTimeZone()]);
  const people = await peopleByIds(db, [...v.programme.flatMap((p) => p.attendeeIds), ...v.legs.flatMap((l) => (l.personId ? [l.personId] : [])), ...v.gifts.flatMap((g) => (g.toPersonId ? [g.toPersonId] : []))]);
  const names = new Map([...people, ...v.members.map((m) => m.person)].map((p) => [p.id, p.nameLocal ? `${p.nameEn} (${p.nameLocal})` : p.nameEn]));
  const meetingRows = await meetingTitles(db, v.programme.flatMap((p) => (p.meetingId ? [p.meetingId] : [])));
  const meetings = new Map(meetingRows.map((m) => [m.id, m.title]));
  // Planned gifts are recorded as given at a meeting the programme held.
  const heldMeetings = meetingRows.filter((m) => m.status === "held" && !m.archivedAt).map((m) => ({ id: m.id, title: m.title }));
  const warnings = await visitGiftWarnings(db, v);
  const conflicts = findConflicts(v.programme, v.legs);
  const conflicted = new Set(conflicts.flatMap((c) => (c.kind === "overlap" ? c.itemIds : c.kind === "late_transfer" ? [c.itemId, c.nextItemId] : [c.itemId])));
  const itemTitle = (id: number) => v.programme.find((p) => p.id === id)?.title ?? "";
  const describe = (c: Conflict) =>
    c.kind === "overlap"
      ? t("detail.overlap", { person: names.get(c.personId) ?? "", a: itemTitle(c.itemIds[0]), b: itemTitle(c.itemIds[1]) })
      : c.kind === "late_transfer"
        ? t("detail.lateTransfer", { a: itemTitle(c.itemId), b: itemTitle(c.nextItemId) })
        : t("detail.lateArrival", { who: c.personId ? (names.get(c.personId) ?? "") : t("detail.wholeDelegation"), b: itemTitle(c.itemId) });
  const partnerName = (p: VisitDetail["partners"][number]) => (locale === "ko" ? p.nameKo : p.nameEn);
  const facts: [string, string | null][] = [
    [t("detail.hotel"), v.hotel],
    [t("detail.languages"), v.interpreterLanguages],
    [t("detail.dietary"), v.dietaryNeeds],
    [t("detail.access"), v.accessNeeds],
    [t("detail.budget"), v.budgetAmount != null && v.budgetCurrency ? formatMoney(v.budgetAmount, v.budgetCurrency, locale) : null],
  ];
  return (
    <VisitVersion key={v.version} version={v.version}>
      <article className="space-y-6" data-printable>
        <header>
          <p className="text-sm text-slate-600">
            {v.partners.map((p, i) => (
              <span key={p.id}>
                {i ? ", " : ""}
                <Link href={`/partners/${p.slug}`} className="text-brand-700 hover:underline">
                  {partnerName(p)}
                </Link>
              </span>
            ))}
          </p>
          <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight text-slate-900">{v.title}</h1>
            <div className="flex flex-wrap gap-2 print:hidden">
              {canWrite ? (
                <Button asChild>
                  <Link href={`/visits/${v.id}/edit`}>
                    <Pencil aria-hidden className="size-4" />
                    {t("detail.edit")}
                  </Link>
                </Button>
              ) : null}
              <PrintButton label={t("detail.print")} />
            </div>
          </div>
          <div className="mt-2 flex flex-wrap gap-2">
            {v.archivedAt ? <Badge>{t("detail.archived")}</Badge> : null}
            <Badge tone="brand">{t(`direction.${v.direction}`)}</Badge>
            <Badge tone={v.status === "completed" ? "green" : v.status === "cancelled" ? "neutral" : "amber"}>{t(`status.${v.status}`)}</Badge>
            <Badge>{visitDates(v, locale) ?? t("toBeScheduled")}</Badge>
          </div>
          {v.purpose ? <p className="mt-3 whitespace-pre-line text-sm text-slate-800">{v.purpose}</p> : null}
        </header>

        <BriefingBookForm visitId={v.id} locale={locale} />

        <Card title={t("detail.conflicts")} id="conflicts">
          {conflicts.length ? (
            <ul className="list-disc space-y-1 pl-5 text-sm text-red-800" role="list">
              {conflicts.map((c, i) => (
                <li key={i}>{describe(c)}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("detail.noConflicts")}</p>
          )}
        </Card>

        <Card title={t("detail.programme")} id="programme">
          <Agenda visitId={v.id} items={v.programme} names={names} meetings={meetings} conflicted={conflicted} viewerZone={zone} locale={locale} canWrite={canWrite} />
        </Card>

        <Card title={t("detail.delegation")} id="delegation">
          {v.members.length ? (
            <ul className="space-y-2 text-sm">
              {v.members.map((m) => (
                <li key={m.id}>
                  <span className="font-medium text-slate-900">{m.person.nameEn}</span>
                  {m.person.nameLocal ? <span className="ml-2 text-slate-600">{m.person.nameLocal}</span> : null}
                  <span className="block text-xs text-slate-600">
                    {t(`role.${m.role}`)}
                    {m.titleAtTime ? ` · ${m.titleAtTime}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("detail.noMembers")}</p>
          )}
        </Card>

        <Card title={t("detail.legs")} id="legs">
          {v.legs.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {v.legs.map((l) => (
                <li key={l.id} className="py-3">
                  <p className="font-medium text-slate-900">
                    {t(`mode.${l.mode}`)} {l.number ?? ""} · {l.personId ? names.get(l.personId) : t("detail.everyone")}
                  </p>
                  <div className="mt-1 grid gap-2 sm:grid-cols-2">
                    <p>
                      <span className="block text-xs text-slate-600">{t("detail.departs", { place: l.fromPlace })}</span>
                      {l.departsAt ? <BothZones at={l.departsAt} zone={l.fromTimeZone} viewerZone={zone} locale={locale} /> : "—"}
                    </p>
                    <p>
                      <span className="block text-xs text-slate-600">{t("detail.arrives", { place: l.toPlace })}</span>
                      {l.arrivesAt ? <BothZones at={l.arrivesAt} zone={l.toTimeZone} viewerZone={zone} locale={locale} /> : "—"}
                    </p>
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("detail.noLegs")}</p>
          )}
        </Card>

        <Card title={t("detail.logistics")} id="logistics">
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-slate-600">{label}</dt>
                <dd className="whitespace-pre-line text-slate-900">{value ?? t("detail.notGiven")}</dd>
              </div>
            ))}
          </dl>
        </Card>

        <Card title={t("detail.gifts")} id="gifts">
          {v.gifts.length ? (
            <ul className="divide-y divide-slate-100 text-sm">
              {v.gifts.map((g) => (
                <li key={g.id} className="py-3">
                  <p className="font-medium text-slate-900">{g.item}</p>
                  {g.description ? <p className="text-slate-700">{g.description}</p> : null}
                  <p className="text-xs text-slate-600">
                    {g.toPersonId ? t("detail.giftTo", { person: names.get(g.toPersonId) ?? "" }) : ""}
                    {g.giftId ? ` · ${t("detail.inRegister")}` : ""}
                  </p>
                  {canWrite && !g.giftId && heldMeetings.length ? <RecordGiftForm visitId={v.id} plannedGiftId={g.id} item={g.item} meetings={heldMeetings} /> : null}
                  {(warnings.get(g.id) ?? []).map((w) => (
                    <p key={w.id} className="mt-1 rounded bg-amber-50 px-2 py-1 text-amber-900" role="note">
                      {t("detail.repeatWarning", { item: w.item, meeting: w.meetingTitle, date: formatDate(utcToZonedParts(w.startsAt, w.timeZone).date, locale) })}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("detail.noGifts")}</p>
          )}
          {canWrite && !heldMeetings.length && v.gifts.some((g) => !g.giftId) ? <p className="mt-2 text-xs text-slate-600 print:hidden">{t("detail.recordGiftHint")}</p> : null}
        </Card>

        <Card title={t("detail.checklist")} id="checklist">
          <Checklist
            visitId={v.id}
            canWrite={canWrite}
            items={v.checklist.map((c) => ({ id: c.id, title: c.title, side: c.side, done: c.done, due: c.dueOn ? formatDate(c.dueOn, locale) : null }))}
          />
        </Card>
        <div className="print:hidden">
          <RecordHistory recordType="visit" recordId={v.id} />
        </div>
      </article>
    </VisitVersion>
  );
}
