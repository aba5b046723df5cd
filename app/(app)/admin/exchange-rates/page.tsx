import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Empty } from "@/components/ui/empty";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { getDb } from "@/db";
import { listExchangeRates } from "@/db/queries/exchange-rates";
import { requireUser } from "@/server/auth/guard";
import { formatDate, formatMoney } from "@/lib/format";
import { GIFT_DECLARATION_THRESHOLD } from "@/lib/domain";
import { viewerLocale } from "@/server/viewer";
import { AdminBack } from "../_components/admin-back";
import { ImportRatesForm, RateForm, RemoveRateForm } from "./_components/rate-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rates");
  return { title: t("title") };
}

export default async function Page() {
  await requireUser("admin");
  const t = await getTranslations("rates");
  const locale = await viewerLocale();
  const rates = await listExchangeRates(getDb());
  return (
    <div className="space-y-6">
      <AdminBack />
      <PageHeader
        title={t("title")}
        lead={t("lead", { krw: formatMoney(GIFT_DECLARATION_THRESHOLD.KRW, "KRW", locale), usd: formatMoney(GIFT_DECLARATION_THRESHOLD.USD, "USD", locale) })}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("enter")} id="enter-rate">
          <RateForm />
        </Card>
        <Card title={t("import")} id="import-rates">
          <ImportRatesForm />
        </Card>
      </div>
      {rates.length ? (
        <Table caption={t("table")} stack head={[t("currency"), t("date"), t("rate"), { label: t("manage"), hidden: true }]}>
          <tbody>
            {rates.map((r) => (
              <tr key={r.id}>
                <Td className="font-mono font-medium text-slate-900">{r.currency}</Td>
                <Td label={t("date")}>{formatDate(r.date, locale)}</Td>
                <Td label={t("rate")}>{formatMoney(r.rateToKrw, "KRW", locale)}</Td>
                <Td>
                  <RemoveRateForm id={r.id} label={t("removeOne", { currency: r.currency, date: r.date })}>
                    {t("remove")}
                  </RemoveRateForm>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <Empty>
          {t("none")}. {t("noneHint")}
        </Empty>
      )}
    </div>
  );
}
