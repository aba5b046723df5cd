import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { recordHistory } from "@/db/queries/audit";
import { Card } from "@/components/ui/card";
import { Empty } from "@/components/ui/empty";
import { formatInstant } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { auditDescriber } from "./describer";
import { FieldChanges } from "./field-changes";
import { auditLabels } from "./labels";

/** A record's own history from the audit trail: who changed what, and when. */
export async function RecordHistory({ recordType, recordId }: { recordType: string; recordId: string | number }) {
  const t = await getTranslations("audit");
  const labels = await auditLabels();
  const locale = await viewerLocale();
  const { zone } = await viewerTimeZone();
  const all = await recordHistory(getDb(), recordType, recordId);
  const describer = await auditDescriber(all);
  // An edit whose only differences are hidden or a reordering (history written before lists were
  // compared without order) changed nothing a reader can see: it is left out.
  const events = all
    .map((e) => ({ ...e, changes: describer.describe(recordType, e.before, e.after) }))
    .filter((e) => e.event !== "update" || e.changes.length > 0);
  return (
    <Card title={t("historyTitle")} id="history">
      {events.length ? (
        <ol className="divide-y divide-slate-100 text-sm">
          {events.map((e) => (
            <li key={e.id} className="py-2">
              <p className="text-slate-800">
                {t("byOn", { event: labels.event(e.event), who: e.actorLabel, when: formatInstant(e.at, zone, locale) })}
              </p>
              {e.event === "create" ? null : <FieldChanges changes={e.changes} oneSided={!e.before || !e.after} />}
            </li>
          ))}
        </ol>
      ) : (
        <Empty>{t("noHistory")}</Empty>
      )}
    </Card>
  );
}
