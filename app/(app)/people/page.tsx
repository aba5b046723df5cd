import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { getDb } from "@/db";
import { listPeople } from "@/db/queries/people";
import { requireUser } from "@/lib/auth/guard";
import { viewerLocale } from "@/lib/viewer";

export const metadata: Metadata = { title: "People" };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  await requireUser();
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const [t, te, locale] = await Promise.all([getTranslations("people"), getTranslations("enums"), viewerLocale()]);
  const { rows, total, size } = await listPeople(getDb(), { page });
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <Table caption={t("title")}>
        <thead>
          <tr>
            <Th>{t("name")}</Th>
            <Th>{t("titleOrg")}</Th>
            <Th>{t("side")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <Td>
                <span className="font-medium">{p.nameEn}</span>
                {p.nameLocal ? <span className="ml-2 text-slate-600">{p.nameLocal}</span> : null}
              </Td>
              <Td>{[p.title, p.organisation].filter(Boolean).join(", ")}</Td>
              <Td>
                {te(`personSide.${p.side}`)}
                {p.partnerNameEn ? ` · ${locale === "ko" ? p.partnerNameKo : p.partnerNameEn}` : ""}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pager page={page} size={size} total={total} basePath="/people" query={sp} />
    </>
  );
}
