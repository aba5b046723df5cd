import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Empty } from "@/components/ui/empty";
import { getDb } from "@/db";
import { partnerVisits } from "@/db/queries/visit-views";
import type { Locale } from "@/lib/format";
import { visitDates } from "@/lib/visits/when";

/** Visits the partner page lists; a partner with thousands links to /visits for the rest. */
const SHOWN = 10;

/** The partner page's visits: trips to them and delegations from them, newest first. */
export async function PartnerVisits({ partnerId, locale }: { partnerId: number; locale: Locale }) {
  const t = await getTranslations("visits");
  const found = await partnerVisits(getDb(), partnerId, SHOWN + 1);
  const rows = found.slice(0, SHOWN);
  return (
    <Card title={t("partnerVisits")} id="visits">
      {rows.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {rows.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center gap-2 py-2">
              <Link href={`/visits/${v.id}`} className="font-medium text-brand-700 hover:underline">
                {v.title}
              </Link>
              <span className="text-slate-600">{visitDates(v, locale) ?? t("toBeScheduled")}</span>
              <Badge tone="brand">{t(`direction.${v.direction}`)}</Badge>
              <Badge tone={v.status === "completed" ? "green" : "amber"}>{t(`status.${v.status}`)}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <Empty>{t("empty")}</Empty>
      )}
      {found.length > SHOWN ? (
        <p className="mt-2 text-sm">
          <Link href={`/visits?partner=${partnerId}`} className="text-brand-700 hover:underline">
            {t("partnerVisitsAll")}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
