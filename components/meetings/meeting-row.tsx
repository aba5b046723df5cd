import Link from "next/link";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/format";
import { Empty } from "@/components/ui/empty";
import { MeetingTime } from "./meeting-time";

/**
 * One meeting in a record's list: its title as a link, a line of detail, and its time. Stacked
 * puts the time under the detail (narrow cards); otherwise it stands on the right from 640 px.
 */
export function MeetingRow({
  id,
  title,
  detail,
  at,
  zone,
  viewerZone,
  locale,
  stacked = false,
}: {
  id: number;
  title: string;
  detail: ReactNode;
  at: Date;
  zone: string;
  viewerZone: string;
  locale: Locale;
  stacked?: boolean;
}) {
  const link = (
    <Link href={`/meetings/${id}`} className="font-medium text-brand-700 hover:underline">
      {title}
    </Link>
  );
  const time = <MeetingTime at={at} zone={zone} viewerZone={viewerZone} locale={locale} />;
  if (stacked)
    return (
      <li className="py-3">
        {link}
        <span className="block text-xs text-slate-600">{detail}</span>
        <span className="block text-sm text-slate-700">{time}</span>
      </li>
    );
  return (
    <li className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between">
      <div>
        {link}
        <p className="text-xs text-slate-600">{detail}</p>
      </div>
      <div className="text-sm text-slate-700 sm:text-right">{time}</div>
    </li>
  );
}

/** A meeting as the record queries read it: its id (a person's list calls it `meetingId`), title and time. */
export type MeetingRowData = { title: string; startsAt: Date; timeZone: string } & ({ id: number } | { meetingId: number });

/**
 * A record's meetings, one `MeetingRow` each with the page's own line of `detail`, or the page's
 * words for none.
 */
export function MeetingRows<R extends MeetingRowData>({
  rows,
  detail,
  empty,
  viewerZone,
  locale,
  stacked,
}: {
  rows: R[];
  detail: (row: R) => ReactNode;
  empty: ReactNode;
  viewerZone: string;
  locale: Locale;
  stacked?: boolean;
}) {
  if (!rows.length) return <Empty>{empty}</Empty>;
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((m) => {
        const id = "meetingId" in m ? m.meetingId : m.id;
        return <MeetingRow key={id} id={id} title={m.title} detail={detail(m)} at={m.startsAt} zone={m.timeZone} viewerZone={viewerZone} locale={locale} stacked={stacked} />;
      })}
    </ul>
  );
}
