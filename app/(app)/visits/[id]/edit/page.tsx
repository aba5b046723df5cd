import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getVisit } from "@/db/queries/visit-views";
import { requireUser } from "@/server/auth/guard";
import { viewerLocale } from "@/server/viewer";
import { visitFormContext } from "../../_components/form-context";
import { valuesFromVisit } from "../../_components/form-values";
import { VisitForm } from "../../_components/visit-form";
import { loadByIdOr404 } from "@/server/not-found";

export const metadata: Metadata = { title: "Edit visit" };

type Props = { params: Promise<{ id: string }> };

export default async function EditVisitPage({ params }: Props) {
  await requireUser("write");
  const v = await loadByIdOr404((await params).id, (id) => getVisit(getDb(), id));
  const [t, locale] = await Promise.all([getTranslations("visits.form"), viewerLocale()]);
  const ctx = await visitFormContext(locale);
  return (
    <>
      <PageHeader title={t("editTitle")} lead={v.title} />
      <VisitForm visitId={v.id} version={v.version} initial={valuesFromVisit(v)} {...ctx} />
    </>
  );
}
