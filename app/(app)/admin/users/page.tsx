import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { adminTwoFactorRequired } from "@/db/queries/admin-two-factor";
import { listUsers } from "@/db/queries/users";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireUser } from "@/server/auth/guard";
import { AdminBack } from "../_components/admin-back";
import { InviteForm } from "./_components/invite-form";
import { TwoFactorRequirement } from "./_components/two-factor-requirement";
import { UserControls } from "./_components/user-controls";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("admin.usersTitle");

export default async function Page() {
  const me = await requireUser("admin");
  const t = await getTranslations("admin");
  const te = await getTranslations("enums.role");
  const t2 = await getTranslations("twoFactor.admin");
  const t3 = await getTranslations("twoFactor.required");
  const db = getDb();
  const [users, required] = await Promise.all([listUsers(db), adminTwoFactorRequired(db)]);
  // The admins the requirement holds back (or would): active, without two-step sign-in.
  const missing = users.filter((u) => u.role === "admin" && !u.banned && !u.twoFactorEnabled);
  return (
    <div className="space-y-6">
      <AdminBack />
      <PageHeader title={t("usersTitle")} lead={t("usersLead")} />
      <Card title={t("inviteTitle")} id="invite">
        <p className="mb-4 text-sm text-slate-700">{t("inviteLead")}</p>
        <InviteForm />
      </Card>
      <Card title={t3("title")} id="require-two-factor">
        <TwoFactorRequirement required={required} missing={missing.map((u) => u.email)} />
      </Card>
      <Table caption={t("usersTitle")} stack head={[t("user"), t("role"), t("state"), t("manage")]}>
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
                  {required && missing.includes(u) ? <Badge tone="red">{t3("badge")}</Badge> : null}
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
