import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatInstantWithZone, formatMeetingTime, type Locale } from "@/lib/format";
import { agendaDays } from "@/lib/visits/agenda";
import { ToMeetingButton } from "./to-meeting-button";
import { type VisitDetail } from "@/lib/types/visits";

type Item = VisitDetail["programme"][number];

/** One end of an item or leg: in its own zone, and in the viewer's where the clock differs. */
export async function BothZones({ at, zone, viewerZone, locale }: { at: Date; zone: string; viewerZone: string; locale: Locale }) {
  const t = await getTranslations("visits.detail");
  const { local, viewer } = formatMeetingTime(at, zone, viewerZone, locale);
  return (
    <span>
      <time dateTime={at.toISOString()}>{local}</time>
      {viewer ? <span className="block text-xs text-slate-600">{t("yourTime", { time: viewer })}</span> : null}
    </span>
  );
}

export async function Agenda(props: {
  visitId: number;
  items: Item[];
  names: Map<number, string>;
  meetings: Map<number, string>;
  conflicted: Set<number>;
  viewerZone: string;
  locale: Locale;
  canWrite: boolean;
}) {
  const t = await getTranslations("visits");
  const { days, unscheduled } = agendaDays(props.items);
  const row = async (i: Item) => (
    <li key={i.id} className="py-3" data-item={i.id}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="brand">{t(`kind.${i.kind}`)}</Badge>
        <span className="font-medium text-slate-900">{i.title}</span>
        {props.conflicted.has(i.id) ? <Badge tone="red">{t("detail.conflictBadge")}</Badge> : null}
      </div>
      {i.startsAt ? (
        <p className="mt-1 text-sm text-slate-800">
          <BothZones at={i.startsAt} zone={i.timeZone} viewerZone={props.viewerZone} locale={props.locale} />
          {i.endsAt ? <span className="block text-xs text-slate-600">– {formatInstantWithZone(i.endsAt, i.timeZone, props.locale)}</span> : null}
        </p>
      ) : null}
      {i.place ? (
        <p className="text-sm text-slate-700">
          {t("detail.place")}: {i.place}
        </p>
      ) : null}
      {i.attendeeIds.length ? (
        <p className="text-xs text-slate-600">
          {t("detail.attendees")}: {i.attendeeIds.map((p) => props.names.get(p) ?? `#${p}`).join(", ")}
        </p>
      ) : null}
      {i.notes ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{i.notes}</p> : null}
      <div className="mt-2">
        {i.meetingId ? (
          <Link href={`/meetings/${i.meetingId}`} className="text-sm text-brand-700 hover:underline">
            {t("detail.heldAs", { title: props.meetings.get(i.meetingId) ?? `#${i.meetingId}` })}
          </Link>
        ) : props.canWrite && i.kind === "meeting" && i.startsAt ? (
          <ToMeetingButton visitId={props.visitId} itemId={i.id} title={i.title} />
        ) : null}
      </div>
    </li>
  );
  if (!props.items.length) return <p className="text-sm text-slate-600">{t("detail.noProgramme")}</p>;
  return (
    <div className="space-y-5">
      {await Promise.all(
        days.map(async (d) => (
          <section key={d.date} aria-labelledby={`day-${d.date}`}>
            <h3 id={`day-${d.date}`} className="border-b border-slate-200 pb-1 text-sm font-semibold text-slate-800">
              {formatDate(d.date, props.locale)}
            </h3>
            <ul className="divide-y divide-slate-100">{await Promise.all(d.items.map(row))}</ul>
          </section>
        )),
      )}
      {unscheduled.length ? (
        <section aria-labelledby="day-unscheduled">
          <h3 id="day-unscheduled" className="border-b border-slate-200 pb-1 text-sm font-semibold text-slate-800">
            {t("detail.unscheduled")}
          </h3>
          <ul className="divide-y divide-slate-100">{await Promise.all(unscheduled.map(row))}</ul>
        </section>
      ) : null}
    </div>
  );
}
