import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { PasswordForm } from "./password-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("account.passwordTitle");

export default async function Page() {
  const user = await requireUser("read", { allowTemporaryPassword: true });
  const t = await getTranslations("account");
  return (
    <div className="space-y-6">
      <PageHeader title={t("passwordTitle")} lead={t("passwordLead", { email: user.email })} />
      {user.mustChangePassword ? <Alert tone="warning">{t("mustChange")}</Alert> : null}
      <Card>
        <PasswordForm />
      </Card>
    </div>
  );
}
