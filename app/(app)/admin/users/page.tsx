import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listUsers } from "@/db/queries/users";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/guard";
import { AdminBack } from "../_components/admin-back";
import { InviteForm } from "./_components/invite-form";
import { UserControls } from "./_components/user-controls";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("admin.usersTitle");

export default async function Page() {
  const me = await requireUser("admin");
  const t = await getTranslations("admin");
  const te = await getTranslations("enums.role");
  const t2 = await getTranslations("twoFactor.admin");
  const users = await listUsers(getDb());
  return (
    <div className="space-y-6">
      <AdminBack />
      <PageHeader title={t("usersTitle")} lead={t("usersLead")} />
      <Card title={t("inviteTitle")} id="invite">
        <p className="mb-4 text-sm text-slate-700">{t("inviteLead")}</p>
        <InviteForm />
      </Card>
      <Table caption={t("usersTitle")} stack>
        <thead>
          <tr>
            <Th>{t("user")}</Th>
            <Th>{t("role")}</Th>
            <Th>{t("state")}</Th>
            <Th>{t("manage")}</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <Td>
                <p className="font-medium text-slate-900">{u.name}</p>
                <p className="break-all text-slate-600">{u.email}</p>
              </Td>
              <Td label={t("role")}>{te(u.role as "admin" | "editor" | "viewer")}</Td>
              <Td label={t("state")}>
                <div className="flex flex-wrap gap-1">
                  {u.banned ? <Badge tone="red">{t("inactive")}</Badge> : <Badge tone="green">{t("active")}</Badge>}
                  {u.mustChangePassword ? <Badge tone="amber">{t("mustChange")}</Badge> : null}
                  {u.twoFactorEnabled ? <Badge tone="brand">{t2("on")}</Badge> : null}
                  {u.id === me.id ? <Badge tone="brand">{t("you")}</Badge> : null}
                </div>
              </Td>
              <Td className="min-w-72">
                <UserControls user={{ id: u.id, email: u.email, role: u.role, active: !u.banned, twoFactor: u.twoFactorEnabled }} isSelf={u.id === me.id} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
