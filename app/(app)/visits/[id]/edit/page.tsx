import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getVisit } from "@/db/queries/visit-views";
import { requireUser } from "@/server/auth/guard";
import { isUserError } from "@/lib/errors";
import { parseIdParam } from "@/lib/validation/common";
import { viewerLocale } from "@/server/viewer";
import { visitFormContext } from "../../_components/form-context";
import { valuesFromVisit } from "../../_components/form-values";
import { VisitForm } from "../../_components/visit-form";

export const metadata: Metadata = { title: "Edit visit" };

type Props = { params: Promise<{ id: string }> };

export default async function EditVisitPage({ params }: Props) {
  await requireUser("write");
  const id = parseIdParam((await params).id);
  if (id === null) notFound();
  const v = await getVisit(getDb(), id).catch((e: unknown) => {
    if (isUserError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const [t, locale] = await Promise.all([getTranslations("visits.form"), viewerLocale()]);
  const ctx = await visitFormContext(locale);
  return (
    <>
      <PageHeader title={t("editTitle")} lead={v.title} />
      <VisitForm visitId={v.id} version={v.version} initial={valuesFromVisit(v)} {...ctx} />
    </>
  );
}
