import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { titleMetadata } from "@/components/layout/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { getPartnerBySlug } from "@/db/queries/partners";
import { requireUser } from "@/server/auth/guard";
import { PartnerForm } from "../../_components/partner-form";
import { loadOr404 } from "@/server/not-found";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const p = await getDb().query.partner.findFirst({ where: (x, { eq }) => eq(x.slug, slug), columns: { nameEn: true } });
  return titleMetadata("partners.form.editTitle", { name: p?.nameEn ?? "" });
}

export default async function EditPartnerPage({ params }: Props) {
  await requireUser("write");
  const { slug } = await params;
  const p = await loadOr404(() => getPartnerBySlug(getDb(), slug));
  const t = await getTranslations("partners.form");
  const since = !p.sinceDate ? "" : p.sincePrecision === "year" ? p.sinceDate.slice(0, 4) : p.sincePrecision === "month" ? p.sinceDate.slice(0, 7) : p.sinceDate;
  return (
    <>
      <PageHeader title={t("editTitle", { name: p.nameEn })} />
      <PartnerForm partner={{ ...p, since }} />
    </>
  );
}
