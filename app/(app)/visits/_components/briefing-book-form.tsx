import { FileDown, FileSpreadsheet } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/select-field";
import type { Locale } from "@/lib/format";

/**
 * The visit briefing book's downloads: a plain GET form to the export route, so it works by
 * keyboard and without script, for every role that may export (viewers too).
 */
export async function BriefingBookForm({ visitId, locale }: { visitId: number; locale: Locale }) {
  const [t, r] = await Promise.all([getTranslations("visits.book"), getTranslations("reports")]);
  return (
    <Card title={t("download")} id="briefing-book" className="print:hidden">
      <form method="get" action={`/api/v1/visits/${visitId}/briefing`} className="flex flex-wrap items-end gap-3">
        <p className="w-full text-sm text-slate-700">{t("downloadLead")}</p>
        <SelectField
          label={t("language")}
          name="lang"
          defaultValue={locale}
          className="w-40"
          options={(["en", "ko"] as const).map((l) => ({ value: l, label: r(`languages.${l}`) }))}
        />
        <Button type="submit" name="format" value="pdf">
          <FileDown aria-hidden className="size-4" />
          {t("pdf")}
        </Button>
        <Button type="submit" name="format" value="xlsx" variant="secondary">
          <FileSpreadsheet aria-hidden className="size-4" />
          {t("xlsx")}
        </Button>
      </form>
    </Card>
  );
}
