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

/** A meeting as a record page lists it: where it links, its words, and when it is, in its own zone. */
export interface MeetingItem {
  id: number;
  title: string;
  detail: ReactNode;
  at: Date;
  zone: string;
}

/** A record's meetings, one `MeetingRow` each, or the page's words for none. */
export function MeetingRows({ rows, empty, viewerZone, locale, stacked }: { rows: MeetingItem[]; empty: ReactNode; viewerZone: string; locale: Locale; stacked?: boolean }) {
  if (!rows.length) return <Empty>{empty}</Empty>;
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((m) => (
        <MeetingRow key={m.id} {...m} viewerZone={viewerZone} locale={locale} stacked={stacked} />
      ))}
    </ul>
  );
}
