import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db";
import { timelineData } from "@/db/queries/timeline";
import { todayIn } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { PartnerTimelineChart } from "./partner-timeline-chart";

/** The partner page's timeline: the /timeline chart with this partner's lane only. */
export async function PartnerTimeline({ slug }: { slug: string }) {
  const [t, locale, { zone }] = await Promise.all([getTranslations("timeline"), viewerLocale(), viewerTimeZone()]);
  const data = await timelineData(getDb(), { partners: [slug], kinds: [], from: null, to: null, q: null }, { today: todayIn(zone) });
  if (!data.lanes.length) return null;
  return (
    <Card title={t("partnerHeading")} id="timeline">
      <PartnerTimelineChart initial={data} slug={slug} locale={locale} label={t("partnerChartLabel")} />
    </Card>
  );
}
