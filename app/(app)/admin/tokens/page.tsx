import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listApiTokens } from "@/db/queries/tokens";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Empty } from "@/components/ui/empty";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireUser } from "@/server/auth/guard";
import { formatInstant } from "@/lib/format";
import { viewerLocale, viewerTimeZone } from "@/server/viewer";
import { AdminBack } from "../_components/admin-back";
import { RevokeButton } from "./_components/revoke-button";
import { TokenForm } from "./_components/token-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("admin.tokensTitle");

export default async function Page() {
  await requireUser("admin");
  const t = await getTranslations("admin");
  const te = await getTranslations("enums.role");
  const locale = await viewerLocale();
  const { zone } = await viewerTimeZone();
  const tokens = (await listApiTokens(getDb())).filter((x) => x.scope === "api");
  const when = (d: Date | null) => (d ? formatInstant(d, zone, locale) : "—");
  return (
    <div className="space-y-6">
      <AdminBack />
      <PageHeader title={t("tokensTitle")} lead={t("tokensLead")} />
      <Card title={t("newToken")} id="new-token-card">
        <p className="mb-4 text-sm text-slate-700">{t("tokenHowTo")}</p>
        <TokenForm />
      </Card>
      {tokens.length ? (
        <Table caption={t("tokensTitle")} stack head={[t("tokenName"), t("prefix"), t("role"), t("created"), t("lastUsed"), t("state"), { label: t("manage"), hidden: true }]}>
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id}>
                <Td className="font-medium text-slate-900">{k.name}</Td>
                <Td label={t("prefix")} className="font-mono">{k.prefix}…</Td>
                <Td label={t("role")}>{te(k.role as "admin" | "editor" | "viewer")}</Td>
                <Td label={t("created")}>{when(k.createdAt)}</Td>
                <Td label={t("lastUsed")}>{k.lastUsedAt ? when(k.lastUsedAt) : t("neverUsed")}</Td>
                <Td label={t("state")}>{k.revokedAt ? <Badge tone="red">{t("revokedOn", { when: when(k.revokedAt) })}</Badge> : <Badge tone="green">{t("active")}</Badge>}</Td>
                <Td>{k.revokedAt ? null : <RevokeButton id={k.id} name={k.name} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <Empty>{t("noTokens")}</Empty>
      )}
    </div>
  );
}
