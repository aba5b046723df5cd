import { getTranslations } from "next-intl/server";
import { formatMeetingTime, type Locale } from "@/lib/format";

/** A meeting's start in its own zone and, where the wall clock differs, in the viewer's. */
export async function MeetingTime({ at, zone, viewerZone, locale }: { at: Date; zone: string; viewerZone: string; locale: Locale }) {
  const t = await getTranslations("common");
  const { local, viewer } = formatMeetingTime(at, zone, viewerZone, locale);
  return (
    <span>
      <time dateTime={at.toISOString()}>{local}</time>
      {viewer ? <span className="block text-xs text-slate-600">{t("inYourZone", { time: viewer })}</span> : null}
    </span>
  );
}
