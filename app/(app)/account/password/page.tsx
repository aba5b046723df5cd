import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db";
import { twoFactorEnabled } from "@/db/queries/users";
import { requireUser } from "@/server/auth/guard";
import { PasswordForm } from "./password-form";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("account.passwordTitle");

export default async function Page() {
  const user = await requireUser("read", { allowTemporaryPassword: true });
  const t = await getTranslations("account");
  const t2 = await getTranslations("twoFactor");
  const on = await twoFactorEnabled(getDb(), user.id);
  return (
    <div className="space-y-6">
      <PageHeader title={t("passwordTitle")} lead={t("passwordLead", { email: user.email })} />
      {user.mustChangePassword ? <Alert tone="warning">{t("mustChange")}</Alert> : null}
      <Card>
        <PasswordForm />
      </Card>
      {user.mustChangePassword ? null : (
        <Card title={t2("title")} id="two-factor">
          <p className="text-sm text-slate-700">
            {t2("onOff", { state: on ? "on" : "off" })}{" "}
            <Link href="/account/two-factor" className="font-medium text-brand-700 underline">
              {t2("manage")}
            </Link>
          </p>
        </Card>
      )}
    </div>
  );
}
