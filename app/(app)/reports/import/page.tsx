import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/db/queries/import";
import { requireUser } from "@/lib/auth/guard";
import { ImportForm } from "./_components/import-form";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requireUser("write");
  const t = await getTranslations("reports.import");
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
        <ImportForm columns={IMPORT_COLUMNS} maxRows={MAX_IMPORT_ROWS} maxMb={(MAX_IMPORT_BYTES / 1024 / 1024).toFixed(1)} />
      </Card>
    </>
  );
}
