import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { auditFilterOptions, auditFilterSchema, listAuditEvents } from "@/db/queries/audit";
import { auditDescriber } from "@/components/audit/describer";
import { FieldChanges } from "@/components/audit/field-changes";
import { auditLabels } from "@/components/audit/labels";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Empty } from "@/components/ui/empty";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { Table, Td } from "@/components/ui/table";
import { requireUser } from "@/server/auth/guard";
import { formatInstant } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { AdminBack } from "../_components/admin-back";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("audit.title");

type Search = Record<string, string | string[] | undefined>;
const KEYS = ["actor", "type", "event", "from", "to", "page"] as const;

export default async function Page({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser("admin");
  const t = await getTranslations("audit");
  const labels = await auditLabels();
  const locale = await viewerLocale();
  const { zone } = await viewerTimeZone();
  const sp = await searchParams;
  const query: Record<string, string | undefined> = {};
  for (const k of KEYS) {
    const v = sp[k];
    query[k] = Array.isArray(v) ? v[0] : v;
  }
  const db = getDb();
  const options = await auditFilterOptions(db);
  // A bad filter in a hand-edited URL is shown and ignored rather than failing the page.
  const parsed = auditFilterSchema.safeParse(query);
  const result = await listAuditEvents(db, { ...(parsed.success ? query : {}), size: 25 }, zone);
  const describer = await auditDescriber(result.rows);
  return (
    <div className="space-y-6">
      <AdminBack />
      <PageHeader title={t("title")} lead={t("lead", { zone })} />
      <form method="get" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5" aria-label={t("filters")}>
        <SelectField label={t("actor")} name="actor" defaultValue={query.actor ?? ""} placeholder={t("anyActor")} options={options.actors.map((a) => ({ value: a, label: a }))} />
        <SelectField label={t("recordType")} name="type" defaultValue={query.type ?? ""} placeholder={t("anyType")} options={options.types.map((x) => ({ value: x, label: labels.type(x) }))} />
        <SelectField label={t("event")} name="event" defaultValue={query.event ?? ""} placeholder={t("anyEvent")} options={options.events.map((x) => ({ value: x, label: labels.event(x) }))} />
        <Field label={t("from")} name="from" type="date" defaultValue={query.from ?? ""} />
        <Field label={t("to")} name="to" type="date" defaultValue={query.to ?? ""} />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
          <Button type="submit">{t("apply")}</Button>
          <Link href="/admin/audit" className="text-sm text-brand-700 underline">
            {t("clear")}
          </Link>
          <p className="text-sm text-slate-600" role="status">
            {t("count", { n: result.total })}
          </p>
        </div>
      </form>
      {parsed.success ? null : <Alert tone="warning">{t("badFilter")}</Alert>}
      {result.rows.length ? (
        <Table caption={t("title")} stack head={[t("when"), t("actor"), t("event"), t("record"), t("changes")]}>
          <tbody>
            {result.rows.map((e) => (
              <tr key={e.id}>
                <Td label={t("when")} className="whitespace-nowrap">{formatInstant(e.at, zone, locale)}</Td>
                <Td label={t("actor")} className="min-w-44 break-all">
                  {e.actorLabel}
                  {e.ipAddress ? <span className="block text-xs text-slate-600">{e.ipAddress}</span> : null}
                </Td>
                <Td label={t("event")} className="min-w-28">{labels.event(e.event)}</Td>
                <Td label={t("record")} className="min-w-36">
                  {labels.type(e.recordType)}
                  {e.recordLabel ? <span className="block break-words text-xs text-slate-700">{e.recordLabel}</span> : null}
                  {e.recordId && !e.recordLabel ? <span className="block break-all font-mono text-xs text-slate-600">{e.recordId}</span> : null}
                </Td>
                <Td className="min-w-64">
                  <FieldChanges changes={describer.describe(e.recordType, e.before, e.after)} oneSided={!e.before || !e.after} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <Empty>{t("none")}</Empty>
      )}
      <Pager page={result.page} size={result.size} total={result.total} basePath="/admin/audit" query={query} />
    </div>
  );
}
