import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { titleMetadata } from "@/components/layout/page-title";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { partnerOptions } from "@/db/queries/partners";
import { getPerson } from "@/db/queries/people";
import { requireUser } from "@/server/auth/guard";
import { viewerLocale } from "@/server/viewer";
import { PersonForm } from "../../_components/person-form";
import { parseIdParam } from "@/lib/validation/common";
import { loadByIdOr404 } from "@/server/not-found";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseIdParam((await params).id);
  const p = id !== null ? await getDb().query.person.findFirst({ where: (x, { eq }) => eq(x.id, id), columns: { nameEn: true } }) : null;
  return titleMetadata("people.form.editTitle", { name: p?.nameEn ?? "" });
}

export default async function EditPersonPage({ params }: Props) {
  await requireUser("write");
  const db = getDb();
  const person = await loadByIdOr404((await params).id, (id) => getPerson(db, id));
  const [t, locale, partners] = await Promise.all([getTranslations("people.form"), viewerLocale(), partnerOptions(db)]);
  // An archived partner is not offered for new links, but a person already linked keeps it.
  const own = person.partnerId && !partners.some((p) => p.id === person.partnerId) ? await getDb().query.partner.findFirst({ where: (x, { eq }) => eq(x.id, person.partnerId!) }) : undefined;
  const options = [...partners, ...(own ? [own] : [])].map((p) => ({ id: p.id, label: locale === "ko" ? p.nameKo : p.nameEn }));
  return (
    <>
      <PageHeader title={t("editTitle", { name: person.nameEn })} />
      <PersonForm person={person} partners={options} />
    </>
  );
}
