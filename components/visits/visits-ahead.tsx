import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Empty } from "@/components/ui/empty";
import { getDb } from "@/db";
import { getHomeRegion } from "@/db/queries/settings";
import { visitsAhead } from "@/db/queries/visit-views";
import { formatDate, todayIn, type Locale } from "@/lib/format";
import { visitDates } from "@/lib/visits/when";

/** The dashboard's next visits and what is still open on their checklists. */
export async function VisitsAhead({ locale }: { locale: Locale }) {
  const t = await getTranslations("visits");
  const db = getDb();
  const { next, open } = await visitsAhead(db, todayIn((await getHomeRegion(db)).timeZone));
  return (
    <div className="mb-6 grid gap-6 lg:grid-cols-2">
      <Card title={t("dashboard.title")} id="next-visits">
        {next.length ? (
          <ul className="space-y-2 text-sm">
            {next.map((v) => (
              <li key={v.id}>
                <Link href={`/visits/${v.id}`} className="font-medium text-brand-700 hover:underline">
                  {v.title}
                </Link>
                <span className="block text-xs text-slate-600">
                  {visitDates(v, locale) ?? t("toBeScheduled")} · {t(`status.${v.status}`)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t("dashboard.none")}</Empty>
        )}
      </Card>
      <Card title={t("dashboard.open")} id="open-checklist">
        {open.length ? (
          <ul className="space-y-2 text-sm">
            {open.map((c) => (
              <li key={c.id}>
                <span className="text-slate-900">{c.title}</span>
                <span className="block text-xs text-slate-600">
                  <Link href={`/visits/${c.visitId}`} className="text-brand-700 hover:underline">
                    {c.visitTitle}
                  </Link>
                  {` · ${t(`side.${c.side}`)}`}
                  {c.dueOn ? ` · ${t("detail.due", { date: formatDate(c.dueOn, locale) })}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <Empty>{t("dashboard.noneOpen")}</Empty>
        )}
      </Card>
    </div>
  );
}
