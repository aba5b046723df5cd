import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/db/queries/import";
import { requireUser } from "@/server/auth/guard";
import { IMPORT_KINDS, templateColumns, type ImportKind } from "@/lib/import/columns";
import { translatorFor } from "@/lib/import/labels";
import { LOCALES, type Locale } from "@/lib/format";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Import" };

/** A header-only CSV in a language, UTF-8 with BOM like the exports, as a data address. */
function template(kind: ImportKind, locale: Locale): string {
  const t = translatorFor(locale);
  const header = templateColumns(kind)
    .map((c) => t(c.label))
    .map((h) => (/[",]/.test(h) ? `"${h.replaceAll('"', '""')}"` : h))
    .join(",");
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header}\r\n`)}`;
}

export default async function ImportPage() {
  await requireUser("write");
  const t = await getTranslations("import");
  const templates = Object.fromEntries(IMPORT_KINDS.map((k) => [k, Object.fromEntries(LOCALES.map((l) => [l, template(k, l)]))])) as Record<ImportKind, Record<Locale, string>>;
  return (
    <>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        actions={
          <Link href="/reports" className="text-sm text-brand-700 underline underline-offset-2">
            {t("back")}
          </Link>
        }
      />
      <Card>
        <ImportForm templates={templates} maxRows={MAX_IMPORT_ROWS} maxMb={(MAX_IMPORT_BYTES / 1024 / 1024).toFixed(1)} />
      </Card>
    </>
  );
}
