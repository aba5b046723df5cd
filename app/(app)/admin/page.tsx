import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Coins, History, KeyRound, Mail, Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/server/auth/guard";
import { pageTitle } from "@/components/layout/page-title";

export const generateMetadata = pageTitle("admin.title");

export default async function Page() {
  await requireUser("admin");
  const t = await getTranslations("admin");
  const tr = await getTranslations("rates");
  const tm = await getTranslations("notifications.admin");
  const items = [
    { href: "/admin/users", title: t("usersTitle"), body: t("usersLead"), icon: Users },
    { href: "/admin/tokens", title: t("tokensTitle"), body: t("tokensLead"), icon: KeyRound },
    { href: "/admin/audit", title: t("auditTitle"), body: t("auditLead"), icon: History },
    { href: "/admin/exchange-rates", title: tr("title"), body: tr("cardLead"), icon: Coins },
    { href: "/admin/mail", title: tm("title"), body: tm("lead"), icon: Mail },
  ];
  return (
    <div>
      <PageHeader title={t("title")} lead={t("lead")} />
      <ul className="grid gap-4 md:grid-cols-3">
        {items.map(({ href, title, body, icon: Icon }) => (
          <li key={href}>
            <Link
              href={href}
              className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700"
            >
              <span className="flex items-center gap-2 text-base font-semibold text-brand-800">
                <Icon aria-hidden className="size-5" />
                {title}
              </span>
              <span className="text-sm text-slate-700">{body}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
